/**
 * The built-in ritual stages: the four phases of Z-88, the anomaly scan, audit archiving, memory synthesis,
 * the metrics roll-up and stopping stale agents.
 */
package dev.helix.rituals.internal;
