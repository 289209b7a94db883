/**
 * Servlets measured inside the server under test, the baselines of the benchmarks: a plain ping, raw JMS
 * sends and a loop of XA steps.
 */
package dev.helix.benchmarks.probe;
