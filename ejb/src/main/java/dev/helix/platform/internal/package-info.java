/**
 * OrphanedBranches, which rolls back the two-phase-commit branches that a server killed mid-commit left
 * prepared in the embedded H2 database.
 */
package dev.helix.platform.internal;
