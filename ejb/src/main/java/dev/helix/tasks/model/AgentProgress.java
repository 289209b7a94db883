package dev.helix.tasks.model;

/** What one working agent is doing right now: its task and where it stands in the task's checklist. */
public record AgentProgress(long agentId, String agentName, String role, long taskId, String taskTitle,
                            TaskStatus taskStatus, ChecklistProgress progress) {
}
