/**
 * What the tasks context needs from others: WorkQueue, implemented by the jms module, and PriorLearnings,
 * implemented by the memory context.
 */
package dev.helix.tasks.port;
