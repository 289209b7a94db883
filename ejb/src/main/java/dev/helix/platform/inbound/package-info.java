/**
 * DatabaseMigrator, the start-up bean that rolls back orphaned transaction branches and applies the database
 * migrations when the application starts, and AbandonedBranchSweep, which rolls back the branches abandoned in
 * PostgreSQL every minute.
 */
package dev.helix.platform.inbound;
