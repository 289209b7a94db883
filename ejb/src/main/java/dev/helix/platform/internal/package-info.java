/**
 * OrphanedBranches, which rolls back the two-phase-commit branches a database holds prepared that no transaction
 * manager will settle: all of them in the embedded H2 database as the application starts, the long-abandoned ones in
 * PostgreSQL.
 */
package dev.helix.platform.internal;
