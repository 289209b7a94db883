/**
 * REST resources for the agent gallery's profiles and the pool's agent instances, with their request and view
 * records.
 */
package dev.helix.web.api.agents;
