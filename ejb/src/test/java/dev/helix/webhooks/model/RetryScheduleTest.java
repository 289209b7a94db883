package dev.helix.webhooks.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void pausesDoubleFromFiveSecondsUpToAnHour() {
        RetrySchedule middle = new RetrySchedule(() -> 0.5);
        assertEquals(Duration.ofSeconds(5), middle.pauseAfter(1));
        assertEquals(Duration.ofSeconds(10), middle.pauseAfter(2));
        assertEquals(Duration.ofSeconds(40), middle.pauseAfter(4));
        assertEquals(Duration.ofHours(1), middle.pauseAfter(11));
        assertEquals(Duration.ofHours(1), middle.pauseAfter(500));
    }

    @Test
    void eachPauseIsSpreadByAFifthEitherWay() {
        assertEquals(Duration.ofSeconds(4), new RetrySchedule(() -> 0.0).pauseAfter(1));
        assertEquals(Duration.ofMillis(5980), new RetrySchedule(() -> 0.99).pauseAfter(1));
        assertEquals(Duration.ofMinutes(48), new RetrySchedule(() -> 0.0).pauseAfter(30));
    }

    @Test
    void noAttemptIsPlannedPastTheDeliverysDay() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.5);
        Instant giveUp = NOW.plus(RetrySchedule.GIVE_UP_AFTER);
        assertEquals(NOW.plusSeconds(5), schedule.nextAttempt(NOW, 1, giveUp));
        assertNull(schedule.nextAttempt(giveUp.minusSeconds(60), 20, giveUp));
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAfterADayAndOneThatSucceedsIsDelivered() {
        RetrySchedule schedule = new RetrySchedule(() -> 0.5);
        WebhookDelivery failing = new WebhookDelivery(1, WebhookEventType.TASK_DONE, "{}", NOW);
        Instant at = NOW;
        int attempts = 0;
        while (failing.getStatus() == DeliveryStatus.PENDING) {
            at = failing.getNextAttemptAt();
            failing.attempted(new AttemptResult(500, 3, "HTTP 500"), at, schedule);
            attempts++;
        }
        assertEquals(DeliveryStatus.FAILED, failing.getStatus());
        assertEquals(attempts, failing.getAttempts());
        assertEquals(500, failing.getLastStatusCode());
        assertEquals(true, at.isBefore(NOW.plus(RetrySchedule.GIVE_UP_AFTER)));
        assertEquals(true, attempts > 20 && attempts < 40, "attempts: " + attempts);

        WebhookDelivery taken = new WebhookDelivery(1, WebhookEventType.TASK_DONE, "{}", NOW);
        taken.attempted(new AttemptResult(null, 10, "not delivered: ConnectException"), NOW, schedule);
        taken.attempted(new AttemptResult(204, 10, "HTTP 204"), NOW.plusSeconds(5), schedule);
        assertEquals(DeliveryStatus.DELIVERED, taken.getStatus());
        assertEquals(NOW.plusSeconds(5), taken.getDeliveredAt());
        assertNull(taken.getLastError());
    }
}
