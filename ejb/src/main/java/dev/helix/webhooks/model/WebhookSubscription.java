package dev.helix.webhooks.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A subscription to the platform's events: its owner, the URL deliveries go to, the events it takes (and only a
 * project's, when it names one), whether it may call private addresses, and its health: a subscription whose
 * deliveries fail for a day without a success is disabled. Its secret is in the vault.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    /** A subscription failing this long without a success is disabled. */
    public static final Duration FAILING_LIMIT = Duration.ofDays(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 1000)
    private String events;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "allow_private", nullable = false)
    private boolean allowPrivate;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "disabled_reason", length = 1000)
    private String disabledReason;

    @Column(name = "failing_since")
    private Instant failingSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected WebhookSubscription() {
    }

    public WebhookSubscription(String owner, WebhookDefinition definition, Instant now) {
        this.owner = owner;
        this.createdAt = now;
        define(definition, now);
    }

    /** Takes a new definition; a changed subscription is enabled again and its failures forgotten. */
    public final void define(WebhookDefinition definition, Instant now) {
        this.url = definition.url();
        this.events = definition.events().stream().sorted().map(WebhookEventType::wireName).collect(Collectors.joining(","));
        this.projectId = definition.projectId();
        this.allowPrivate = definition.allowPrivate();
        this.enabled = true;
        this.disabledReason = null;
        this.failingSince = null;
        this.updatedAt = now;
    }

    /** Whether this subscription takes this event of this project's task (null: not a task's, or no project). */
    public boolean takes(WebhookEventType type, Long eventProjectId) {
        return enabled && getEvents().contains(type) && (projectId == null || projectId.equals(eventProjectId));
    }

    /** A delivery succeeded: the subscription is healthy. */
    public void succeeded() {
        failingSince = null;
    }

    /**
     * A delivery failed; true when this makes the subscription disabled (it has been failing for a day without a
     * success).
     */
    public boolean failed(Instant now) {
        if (failingSince == null) {
            failingSince = now;
            return false;
        }
        if (enabled && !now.isBefore(failingSince.plus(FAILING_LIMIT))) {
            enabled = false;
            disabledReason = "its deliveries failed for a day without a success (since " + failingSince + ")";
            updatedAt = now;
            return true;
        }
        return false;
    }

    public Long getId() {
        return id;
    }

    public String getOwner() {
        return owner;
    }

    public String getUrl() {
        return url;
    }

    public Set<WebhookEventType> getEvents() {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        Arrays.stream(events.split(",")).map(WebhookEventType::byWireName).forEach(t -> t.ifPresent(types::add));
        return types;
    }

    public Long getProjectId() {
        return projectId;
    }

    public boolean isAllowPrivate() {
        return allowPrivate;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getDisabledReason() {
        return disabledReason;
    }

    public Instant getFailingSince() {
        return failingSince;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
