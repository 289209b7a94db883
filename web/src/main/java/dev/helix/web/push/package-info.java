/**
 * The live fleet stream: a WebSocket at {@code /push/fleet} that relays fleet events from the events topic to
 * signed-in browsers.
 */
package dev.helix.web.push;
