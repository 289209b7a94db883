/**
 * Readiness health checks for the database, the messaging provider and the audit chain.
 */
package dev.helix.web.health;
