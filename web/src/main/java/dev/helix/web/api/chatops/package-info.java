/**
 * Chat-ops: Discord interactions and Slack slash commands, each checked against its platform's signature, turned into
 * platform actions as the linked Helix user (ChatCommands) and answered in the platform's own format; the
 * administrators' settings and the users' links.
 */
package dev.helix.web.api.chatops;
