/**
 * What the benchmark harness and the probe WAR share: LatencySummary, the throughput and latency percentiles
 * of one measured run.
 */
package dev.helix.benchmarks;
