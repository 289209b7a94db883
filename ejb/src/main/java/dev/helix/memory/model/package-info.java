/**
 * Memories (task summaries and error resolutions) with their embeddings, the learnings synthesised from a
 * finished task, search hits and the memory index's loading status.
 */
package dev.helix.memory.model;
