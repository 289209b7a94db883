package dev.helix.webhooks.inbound;

import dev.helix.shared.model.PositiveDuration;
import dev.helix.webhooks.model.AttemptResult;
import dev.helix.webhooks.model.Outgoing;
import dev.helix.webhooks.outbound.WebhookSender;
import dev.helix.webhooks.service.WebhookDeliveries;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the webhook deliveries that are due, every {@code helix.webhooks.poll-interval} (1 s by default): up to 20
 * at a time, side by side, each claimed for a minute so that no other server sends it meanwhile. A delivery written
 * before a crash is due when the server is back; one that was being sent is claimed again when its minute is over.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class DeliveryLoop {

    private static final Logger LOG = Logger.getLogger(DeliveryLoop.class.getName());
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    @Inject
    WebhookDeliveries deliveries;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService senders;

    @Inject
    @ConfigProperty(name = "helix.webhooks.poll-interval", defaultValue = "PT1S")
    Duration interval;

    private ScheduledFuture<?> loop;

    @PostConstruct
    void start() {
        long every = PositiveDuration.checked("helix.webhooks.poll-interval", interval, DEFAULT_INTERVAL).toMillis();
        loop = scheduler.scheduleWithFixedDelay(this::sendDue, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        loop.cancel(false);
    }

    private void sendDue() {
        try {
            List<Long> due = deliveries.claimDue(BATCH, LEASE);
            CompletableFuture.allOf(due.stream().map(id -> CompletableFuture.runAsync(() -> send(id), senders))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending the due webhook deliveries failed; trying again in " + interval, e);
        }
    }

    /** Sends one claimed delivery and records the attempt, whatever happened: a claim never outlives its attempt. */
    private void send(long deliveryId) {
        AttemptResult result;
        try {
            Optional<Outgoing> outgoing = deliveries.outgoing(deliveryId);
            result = outgoing.map(o -> WebhookSender.send(o.url(), o.allowPrivate(), o.secret(), o.messageId(),
                    o.payload())).orElse(new AttemptResult(null, 0, "not sent: the subscription is disabled"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery " + deliveryId + " could not be prepared", e);
            result = new AttemptResult(null, 0, "not sent: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        deliveries.recordAttempt(deliveryId, result);
    }
}
