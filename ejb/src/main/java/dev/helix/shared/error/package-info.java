/**
 * The domain exceptions every context throws (not found, conflict, invalid input, malformed JSON, concurrent
 * change), which the edges turn into RFC 9457 problem responses.
 */
package dev.helix.shared.error;
