/**
 * The audit trail as a hash chain: its records, the rule that links them (AuditChain), the chain's recorded end
 * (AuditHead), searches, archives, and the verdicts and breaks a verification finds.
 */
package dev.helix.audit.model;
