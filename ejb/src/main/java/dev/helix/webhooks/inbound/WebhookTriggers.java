package dev.helix.webhooks.inbound;

import dev.helix.runs.model.RunEnded;
import dev.helix.runs.model.RunStatus;
import dev.helix.shared.model.FleetEvent;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import dev.helix.webhooks.model.WebhookEventType;
import dev.helix.webhooks.service.WebhookDeliveries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the platform's events into webhook deliveries, inside the transaction that caused them (not from the events
 * topic, which may lose an event to a crash): a delivery exists exactly when the change it reports committed.
 */
@ApplicationScoped
public class WebhookTriggers {

    private static final Set<TaskStatus> REVIEWS = Set.of(TaskStatus.SPEC_REVIEW, TaskStatus.IMPLEMENTATION_REVIEW);
    private static final Set<TaskStatus> FAILURES = Set.of(TaskStatus.SPEC_FAILED, TaskStatus.IMPLEMENTATION_FAILED);
    /** The most of a free text (a run's detail, an anomaly's) a payload carries. */
    private static final int MAX_TEXT = 4000;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    TaskService tasks;

    void onFleetEvent(@Observes FleetEvent event) {
        if (event.type() == FleetEvent.Type.TASK_STATUS_CHANGED && event.taskId() != null) {
            taskChanged(event);
        } else if (event.type() == FleetEvent.Type.ANOMALY_DETECTED) {
            JsonObjectBuilder data = Json.createObjectBuilder().add("severity", String.valueOf(event.status()))
                    .add("detail", shortened(String.valueOf(event.detail())));
            if (event.agentId() != null) {
                data.add("agentId", event.agentId());
            }
            deliveries.publish(Set.of(WebhookEventType.ANOMALY_DETECTED), null, data.build(), event.at());
        }
    }

    void onRunEnded(@Observes RunEnded run) {
        WebhookEventType type;
        if (run.kind().equals("ritual")) {
            type = WebhookEventType.RITUAL_FINISHED;
        } else if (run.status() == RunStatus.FAILED) {
            type = WebhookEventType.SPIRAL_RUN_FAILED;
        } else {
            return;
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("runId", run.runId())
                .add(run.kind().equals("ritual") ? "ritual" : "spiralId", run.subject()).add("status", run.status().name());
        if (run.detail() != null) {
            data.add("detail", shortened(run.detail()));
        }
        deliveries.publish(Set.of(type), null, data.build(), run.at());
    }

    private void taskChanged(FleetEvent event) {
        Optional<Task> task = tasks.find(event.taskId());
        Long projectId = task.map(Task::getProjectId).orElse(null);
        JsonObjectBuilder data = Json.createObjectBuilder().add("taskId", event.taskId())
                .add("status", String.valueOf(event.status()));
        task.ifPresent(t -> data.add("title", shortened(t.getTitle())));
        if (projectId != null) {
            data.add("projectId", projectId);
        }
        Set<WebhookEventType> types = EnumSet.of(WebhookEventType.TASK_STATUS_CHANGED);
        TaskStatus status = parse(event.status());
        if (REVIEWS.contains(status)) {
            types.add(WebhookEventType.TASK_APPROVAL_NEEDED);
        } else if (status == TaskStatus.DONE) {
            types.add(WebhookEventType.TASK_DONE);
        } else if (FAILURES.contains(status)) {
            types.add(WebhookEventType.TASK_FAILED);
        }
        deliveries.publish(types, projectId, data.build(), event.at());
    }

    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    private static TaskStatus parse(String status) {
        try {
            return status == null ? null : TaskStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
