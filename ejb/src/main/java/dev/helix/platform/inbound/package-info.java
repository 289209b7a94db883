/**
 * DatabaseMigrator, the start-up bean that rolls back orphaned transaction branches and applies the database
 * migrations when the application starts.
 */
package dev.helix.platform.inbound;
