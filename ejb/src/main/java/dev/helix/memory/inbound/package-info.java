/**
 * How the container and other contexts call into memory: loading the memory index at start-up, recalling
 * similar memories into a task (MemoryRecall, the tasks context's PriorLearnings), and synthesising learnings
 * when a task is done.
 */
package dev.helix.memory.inbound;
