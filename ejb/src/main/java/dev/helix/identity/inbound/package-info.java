/**
 * Start-up beans and observers of the identity context: AdminBootstrap makes sure the initial {@code admin}
 * account exists, and ServerAdminRegistry keeps that account a Liberty server administrator.
 */
package dev.helix.identity.inbound;
