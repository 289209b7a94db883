/**
 * The audit use cases: recording actions in the hash chain, searching and verifying it (AuditTrail),
 * archiving records, and keeping the chain's health and alerting on its breaks.
 */
package dev.helix.audit.service;
