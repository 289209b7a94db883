package dev.helix.webhooks.service;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.User;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.identity.service.UserDirectory;
import dev.helix.notifications.service.Notifications;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.webhooks.model.AttemptResult;
import dev.helix.webhooks.model.DeliveryStatus;
import dev.helix.webhooks.model.Outgoing;
import dev.helix.webhooks.model.RetrySchedule;
import dev.helix.webhooks.model.WebhookAttempt;
import dev.helix.webhooks.model.WebhookDelivery;
import dev.helix.webhooks.model.WebhookEventType;
import dev.helix.webhooks.model.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The deliveries of events to their subscriptions. An event is published in the transaction of the change it reports,
 * as one delivery per subscription that takes it and whose owner may still be told of it: accepted means delivered at
 * least once, also across a crash. The sending loop claims what is due (each row by a conditional update, so that two
 * servers never take the same one), sends it outside any transaction, and records each attempt; a failed attempt is
 * retried on the {@link RetrySchedule} for a day, and a subscription failing for a day is disabled and its owner
 * notified.
 */
@Stateless
public class WebhookDeliveries {

    private static final RetrySchedule RETRIES = new RetrySchedule(Math::random);

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Notifications notifications;

    @Inject
    UserDirectory users;

    @Inject
    PermissionMatrix matrix;

    /**
     * Publishes what happened as each of {@code types} (one change can be several events, e.g. {@code task.done} is
     * also {@code task.status-changed}) to every enabled subscription that takes it, in the caller's transaction: one
     * read of the subscriptions for all of them.
     *
     * @param projectId the project of the task the event is about, or null
     * @param data      what happened, the payload's {@code data}
     */
    public void publish(Set<WebhookEventType> types, Long projectId, JsonObject data, Instant at) {
        List<WebhookSubscription> enabled = em.createQuery("SELECT s FROM WebhookSubscription s WHERE s.enabled = TRUE",
                WebhookSubscription.class).getResultList();
        Instant now = Instant.now();
        for (WebhookEventType type : types) {
            List<WebhookSubscription> takers = enabled.stream()
                    .filter(s -> s.takes(type, projectId) && mayBeTold(s.getOwner(), type)).toList();
            if (!takers.isEmpty()) {
                String payload = Json.createObjectBuilder().add("type", type.wireName())
                        .add("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString()).add("data", data).build().toString();
                takers.forEach(s -> em.persist(new WebhookDelivery(s.getId(), type, payload, now)));
            }
        }
    }

    /** Whether the owner's account is enabled and still grants webhooks and what the event is about. */
    private boolean mayBeTold(String owner, WebhookEventType type) {
        Optional<User> user = users.user(owner).filter(User::isEnabled);
        if (user.isEmpty()) {
            return false;
        }
        Set<Permission> granted = matrix.permissionsOf(user.get().getRoles());
        return granted.contains(Permission.WEBHOOK_MANAGE) && granted.contains(type.needed());
    }

    /** A subscription's newest deliveries, newest first. */
    public List<WebhookDelivery> deliveries(long subscriptionId, int limit) {
        subscriptions.subscription(subscriptionId);
        return em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.subscriptionId = :s ORDER BY d.id DESC",
                WebhookDelivery.class).setParameter("s", subscriptionId).setMaxResults(limit).getResultList();
    }

    /** A delivery's attempts, oldest first. */
    public List<WebhookAttempt> attempts(long deliveryId) {
        return em.createQuery("SELECT a FROM WebhookAttempt a WHERE a.deliveryId = :d ORDER BY a.id", WebhookAttempt.class)
                .setParameter("d", deliveryId).getResultList();
    }

    /** A delivery of the subscription. */
    public WebhookDelivery delivery(long subscriptionId, long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.getSubscriptionId() != subscriptionId) {
            throw new NotFoundException("Delivery", deliveryId);
        }
        return delivery;
    }

    /** Sends a delivery again now, with the same message id, whatever became of it; not while it is being sent. */
    public WebhookDelivery redeliver(long subscriptionId, long deliveryId) {
        WebhookDelivery delivery = delivery(subscriptionId, deliveryId);
        if (!delivery.redeliver(Instant.now())) {
            throw new ConflictException("Delivery " + deliveryId + " is being sent right now; redeliver it once this "
                    + "attempt is recorded");
        }
        return delivery;
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}: each by an update that holds only if no other server
     * claimed it meanwhile. A delivery whose day is over is given up instead.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> claimDue(int limit, Duration lease) {
        Instant now = Instant.now();
        List<WebhookDelivery> due = em.createQuery("SELECT d FROM WebhookDelivery d WHERE d.status = :pending"
                        + " AND d.nextAttemptAt <= :now AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)"
                        + " ORDER BY d.nextAttemptAt", WebhookDelivery.class)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now).setMaxResults(limit)
                .getResultList();
        List<Long> claimed = new ArrayList<>();
        for (WebhookDelivery delivery : due) {
            if (!delivery.getGiveUpAt().isAfter(now)) {
                delivery.giveUp();
                continue;
            }
            int taken = em.createQuery("UPDATE WebhookDelivery d SET d.claimedUntil = :until, d.version = d.version + 1"
                            + " WHERE d.id = :id AND d.status = :pending AND (d.claimedUntil IS NULL OR d.claimedUntil < :now)")
                    .setParameter("until", now.plus(lease)).setParameter("id", delivery.getId())
                    .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now).executeUpdate();
            if (taken == 1) {
                claimed.add(delivery.getId());
            }
        }
        return claimed;
    }

    /** What to send for a claimed delivery; empty if its subscription is gone or disabled meanwhile. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Outgoing> outgoing(long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        WebhookSubscription subscription = delivery == null ? null
                : em.find(WebhookSubscription.class, delivery.getSubscriptionId());
        if (subscription == null || !subscription.isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(new Outgoing(deliveryId, subscription.getUrl(), subscription.isAllowPrivate(),
                subscriptions.secret(subscription.getId()), delivery.getMessageId(), delivery.getPayload()));
    }

    /**
     * Records an attempt: the delivery's state, the attempt in its log, and the subscription's health (its row locked,
     * since several of its deliveries may be recorded at once).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAttempt(long deliveryId, AttemptResult result) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            return; // its subscription was removed while it was being sent
        }
        Instant now = Instant.now();
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.getSubscriptionId(),
                LockModeType.PESSIMISTIC_WRITE);
        delivery.attempted(result, now, RETRIES);
        em.persist(new WebhookAttempt(deliveryId, result, now));
        if (result.succeeded()) {
            subscription.succeeded();
        } else if (subscription.failed(now)) {
            notifications.notifyExisting(List.of(subscription.getOwner()), "Your webhook subscription " + subscription.getId()
                    + " was disabled: " + subscription.getDisabledReason() + ". Change it to enable it again.", "webhooks");
        }
    }
}
