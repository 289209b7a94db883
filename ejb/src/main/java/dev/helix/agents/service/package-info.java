/**
 * The agents context's use cases: the gallery of agent profiles (AgentGallery), the pool that allocates
 * agents to tasks and releases them (AgentPool), and the role inboxes (AgentMailbox).
 */
package dev.helix.agents.service;
