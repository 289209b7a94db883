/**
 * MemoryStore, the memory table as the memory index reads it, each call in a transaction of its own.
 */
package dev.helix.memory.internal;
