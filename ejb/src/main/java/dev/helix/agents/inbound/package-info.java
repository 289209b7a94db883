/**
 * The agents context's timer: IdleAgentReaper stops the pool's agents that have been idle too long, once a
 * minute.
 */
package dev.helix.agents.inbound;
