package dev.helix.webhooks.model;

import dev.helix.identity.model.Permission;
import java.util.Arrays;
import java.util.Optional;

/**
 * The platform's events a webhook can subscribe to, by their names on the wire (e.g. {@code task.done}), each with
 * the permission a subscription's owner needs to be told of it (besides {@code webhook:manage}).
 */
public enum WebhookEventType {
    TASK_STATUS_CHANGED("task.status-changed", Permission.TASK_READ),
    TASK_APPROVAL_NEEDED("task.approval-needed", Permission.TASK_READ),
    TASK_DONE("task.done", Permission.TASK_READ),
    TASK_FAILED("task.failed", Permission.TASK_READ),
    ANOMALY_DETECTED("anomaly.detected", Permission.ANALYTICS_READ),
    RITUAL_FINISHED("ritual.finished", Permission.RITUAL_READ),
    SPIRAL_RUN_FAILED("spiral-run.failed", Permission.SPIRAL_READ);

    private final String wireName;
    private final Permission needed;

    WebhookEventType(String wireName, Permission needed) {
        this.wireName = wireName;
        this.needed = needed;
    }

    public String wireName() {
        return wireName;
    }

    /** What the owner of a subscription must be granted to be told of this event. */
    public Permission needed() {
        return needed;
    }

    public static Optional<WebhookEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
