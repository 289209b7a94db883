/**
 * The Jakarta Batch side of Helix: the runs context's BatchJobs on the runtime's JobOperator, and the
 * batchlets, reader and writer of the spiral-run, ritual-run and pool-snapshot jobs.
 */
package dev.helix.batch;
