/**
 * BatchJobs, the interface through which runs start, restart and stop Jakarta Batch jobs, implemented by the
 * batch-jobs module.
 */
package dev.helix.runs.port;
