package dev.helix.web.api.me;

import dev.helix.notifications.model.Notification;
import java.time.Instant;

/** One of the caller's notifications (e.g. from a spiral's NOTIFY step). */
public record NotificationView(long id, String message, String source, Instant createdAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(notification.getId(), notification.getMessage(), notification.getSource(),
                notification.getCreatedAt());
    }
}
