/**
 * The language of chat-ops: the chat platforms (ChatPlatform), a chat user linked to a Helix user (ChatLink,
 * LinkCode), and how each platform signs its requests (DiscordSignature: Ed25519; SlackSignature: HMAC-SHA256).
 */
package dev.helix.chatops.model;
