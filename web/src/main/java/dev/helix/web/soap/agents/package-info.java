/**
 * The SOAP {@code AgentService} ({@code /soap/AgentService}): the gallery's profiles, the pool's agents and its
 * statistics; its contract's types are generated into {@code dev.helix.web.soap.agents.v1}.
 */
package dev.helix.web.soap.agents;
