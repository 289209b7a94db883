/**
 * ChainWatch, the timer that verifies the audit chain shortly after start-up and then at a fixed interval, so
 * a break is reported without anyone asking.
 */
package dev.helix.audit.inbound;
