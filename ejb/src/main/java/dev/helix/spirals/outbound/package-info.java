/**
 * HttpStep, the client that makes the outbound HTTP call of an HTTP_CALL step, signing the body with the
 * spiral's secret when asked.
 */
package dev.helix.spirals.outbound;
