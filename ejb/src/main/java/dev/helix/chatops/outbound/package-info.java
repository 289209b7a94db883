/** Calls out of chat-ops: the follow-up messages posted to a chat platform (ChatPoster). */
package dev.helix.chatops.outbound;
