/** What drives chat-ops by itself: the follow-ups of tasks created from a chat (FollowUpTriggers). */
package dev.helix.chatops.inbound;
