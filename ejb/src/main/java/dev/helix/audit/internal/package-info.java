/**
 * Helpers only the audit context uses: the appender that takes turns on the chain's recorded end
 * (ChainAppender).
 */
package dev.helix.audit.internal;
