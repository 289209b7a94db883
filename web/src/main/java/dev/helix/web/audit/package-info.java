/**
 * Auditing of REST and portal actions: the {@code @Audited} interceptor that runs an action and its audit
 * record in one transaction, and the recording of calls refused before they ran.
 */
package dev.helix.web.audit;
