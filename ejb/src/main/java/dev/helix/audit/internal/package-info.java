/**
 * Helpers only the audit context uses to append to the hash chain: the chain's head row (AuditHead) and the
 * appender that takes turns on its lock (ChainAppender).
 */
package dev.helix.audit.internal;
