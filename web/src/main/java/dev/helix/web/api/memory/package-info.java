/**
 * REST resources for the fleet's memory: storing, searching and forgetting memories.
 */
package dev.helix.web.api.memory;
