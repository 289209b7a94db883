package dev.helix.webhooks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WebhookSubscriptionTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static WebhookSubscription subscription(Long projectId, WebhookEventType... events) {
        return new WebhookSubscription("dana", new WebhookDefinition("https://example.org/hook",
                EnumSet.of(events[0], events), projectId, false), NOW);
    }

    @Test
    void takesOnlyItsEventsAndItsProjectsTasks() {
        WebhookSubscription anyProject = subscription(null, WebhookEventType.TASK_DONE, WebhookEventType.TASK_FAILED);
        assertTrue(anyProject.takes(WebhookEventType.TASK_DONE, null));
        assertTrue(anyProject.takes(WebhookEventType.TASK_FAILED, 7L));
        assertFalse(anyProject.takes(WebhookEventType.TASK_STATUS_CHANGED, null));
        assertEquals(EnumSet.of(WebhookEventType.TASK_DONE, WebhookEventType.TASK_FAILED), anyProject.getEvents());

        WebhookSubscription projectSeven = subscription(7L, WebhookEventType.TASK_DONE);
        assertTrue(projectSeven.takes(WebhookEventType.TASK_DONE, 7L));
        assertFalse(projectSeven.takes(WebhookEventType.TASK_DONE, 8L));
        assertFalse(projectSeven.takes(WebhookEventType.TASK_DONE, null));
    }

    @Test
    void aDayOfFailuresWithoutASuccessDisablesItAndAChangeEnablesItAgain() {
        WebhookSubscription subscription = subscription(null, WebhookEventType.TASK_DONE);
        assertFalse(subscription.failed(NOW));
        assertFalse(subscription.failed(NOW.plus(Duration.ofHours(23))));
        subscription.succeeded();
        assertFalse(subscription.failed(NOW.plus(Duration.ofHours(24))), "a success starts the day again");
        assertFalse(subscription.failed(NOW.plus(Duration.ofHours(47))));
        assertTrue(subscription.failed(NOW.plus(Duration.ofHours(48))));
        assertFalse(subscription.isEnabled());
        assertFalse(subscription.takes(WebhookEventType.TASK_DONE, null));
        assertTrue(subscription.getDisabledReason().contains("a day"), subscription.getDisabledReason());
        assertFalse(subscription.failed(NOW.plus(Duration.ofHours(49))), "disabled once");

        subscription.define(new WebhookDefinition("https://example.org/hook2", EnumSet.of(WebhookEventType.TASK_DONE),
                null, false), NOW.plus(Duration.ofHours(50)));
        assertTrue(subscription.isEnabled());
        assertEquals(null, subscription.getFailingSince());
    }
}
