/**
 * The task use cases: creating, reading and cancelling tasks and deciding their gates (TaskService),
 * advancing a task by one step on behalf of its agent (AgentRunner), and what the task records say happened
 * (TaskHistory).
 */
package dev.helix.tasks.service;
