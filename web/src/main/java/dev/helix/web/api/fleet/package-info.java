/**
 * The REST resource for the fleet as a whole: what every working agent is doing right now.
 */
package dev.helix.web.api.fleet;
