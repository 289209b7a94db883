/**
 * RunLedger, which records what happens to a run's batch job, each record in a transaction of its own.
 */
package dev.helix.runs.internal;
