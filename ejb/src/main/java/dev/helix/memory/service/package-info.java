/**
 * The fleet's memory use cases: remembering, searching and forgetting (Memories), the similarity index
 * searched on the compute backend (MemoryIndex), and synthesising the learnings of finished tasks.
 */
package dev.helix.memory.service;
