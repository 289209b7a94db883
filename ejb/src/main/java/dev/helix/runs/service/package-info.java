/**
 * RunLauncher, which starts a queued run's batch job, or restarts its last execution, once the run's
 * transaction has committed.
 */
package dev.helix.runs.service;
