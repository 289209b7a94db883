/**
 * Chat-ops: the platforms' keys (ChatOpsSettings, in the vault) and the links of chat users to Helix users
 * (ChatLinks).
 */
package dev.helix.chatops.service;
