package dev.helix.web.portal;

import dev.helix.chatops.model.ChatLink;
import dev.helix.chatops.model.ChatPlatform;
import dev.helix.chatops.model.LinkCode;
import dev.helix.chatops.service.ChatLinks;
import dev.helix.chatops.service.ChatOpsSettings;
import dev.helix.identity.model.Permission;
import dev.helix.shared.error.NotFoundException;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.definition.TriggerType;
import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.webhooks.model.IssuedSubscription;
import dev.helix.webhooks.model.WebhookAttempt;
import dev.helix.webhooks.model.WebhookDefinition;
import dev.helix.webhooks.model.WebhookDelivery;
import dev.helix.webhooks.model.WebhookEventType;
import dev.helix.webhooks.model.WebhookSubscription;
import dev.helix.webhooks.service.WebhookDeliveries;
import dev.helix.webhooks.service.WebhookSubscriptions;
import dev.helix.web.api.webhooks.WebhookAccess;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Integrations page: the SOAP services and their WSDL, the caller's webhook subscriptions (everyone's for an
 * administrator) with a delivery log and redelivery, chat-ops (one's linked chat accounts; for administrators the
 * platforms' keys and every link), and the spirals that take inbound webhooks. Every change goes through the services
 * the REST API uses, with the same checks and audit records.
 */
@Named
@RequestScoped
public class IntegrationsPage {

    private static final int LOG_SIZE = 50;

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookAccess access;

    @Inject
    ChatLinks links;

    @Inject
    ChatOpsSettings chatOps;

    @Inject
    SpiralCatalog spirals;

    @Inject
    Caller caller;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    @Inject
    FacesContext faces;

    private Long webhook;
    private Optional<WebhookSubscription> selected;
    private String url;
    private List<String> events = List.of();
    private String secret;
    private boolean allowPrivate;
    private String issuedSecret;
    private String linkCode;
    private String discordPublicKey;
    private String slackSigningSecret;

    /** The {@code webhook} parameter: the subscription whose delivery log is open. */
    @PostConstruct
    void readSelection() {
        String selected = faces.getExternalContext().getRequestParameterMap().get("webhook");
        try {
            webhook = selected == null || selected.isBlank() ? null : Long.valueOf(selected.strip());
        } catch (NumberFormatException e) {
            webhook = null;
        }
    }

    /** The SOAP services: name, address, WSDL address. */
    public List<List<String>> getSoapServices() {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String base = request.getRequestURL().toString().replaceFirst("/integrations\\.xhtml.*$", "");
        return List.of(List.of("TaskService", base + "/soap/TaskService", base + "/soap/TaskService?wsdl"),
                List.of("AgentService", base + "/soap/AgentService", base + "/soap/AgentService?wsdl"));
    }

    public boolean isMayWebhooks() {
        return caller.may(Permission.WEBHOOK_MANAGE);
    }

    public boolean isAdministrator() {
        return access.administrator();
    }

    public List<WebhookSubscription> getSubscriptions() {
        return isMayWebhooks() ? access.visible() : List.of();
    }

    public String eventsOf(WebhookSubscription subscription) {
        return subscription.getEvents().stream().map(WebhookEventType::wireName).collect(Collectors.joining(", "));
    }

    public List<String> getEventTypes() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::wireName).toList();
    }

    /** The subscription whose log is open, if the caller may see it (read once a request: a refusal is told once). */
    public Optional<WebhookSubscription> getSelected() {
        if (selected == null) {
            selected = webhook == null || !isMayWebhooks() ? Optional.empty() : messages.read(() -> access.visible(webhook));
        }
        return selected;
    }

    public List<WebhookDelivery> getDeliveries() {
        return getSelected().map(s -> deliveries.deliveries(s.getId(), LOG_SIZE)).orElse(List.of());
    }

    /** A delivery's attempts, oldest first. */
    public List<WebhookAttempt> attemptsOf(WebhookDelivery delivery) {
        return deliveries.attempts(delivery.getId());
    }

    @Audited("webhook.create")
    public void subscribe() {
        if (!permission.granted(Permission.WEBHOOK_MANAGE, "Subscribing to events")) {
            return;
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        events.forEach(name -> WebhookEventType.byWireName(name).ifPresent(types::add));
        messages.attempt(() -> {
            IssuedSubscription issued = subscriptions.subscribe(caller.name(), access.allowed(new WebhookDefinition(
                    url == null ? null : url.strip(), types, null, allowPrivate)),
                    secret == null || secret.isBlank() ? null : secret.strip());
            audit.target("/api/v1/webhooks/" + issued.subscription().getId());
            issuedSecret = issued.secret();
            messages.done("Subscribed " + issued.subscription().getUrl() + " to " + eventsOf(issued.subscription())
                    + (issuedSecret == null ? "" : ": copy the secret now, it is not shown again"));
            url = null;
            events = List.of();
            secret = null;
            allowPrivate = false;
        });
    }

    @Audited("webhook.delete")
    public void unsubscribe(long id) {
        if (!permission.granted(Permission.WEBHOOK_MANAGE, "Removing subscriptions")) {
            return;
        }
        messages.attempt(() -> {
            audit.target("/api/v1/webhooks/" + id);
            WebhookSubscription removed = access.visible(id);
            subscriptions.remove(id);
            messages.done("Subscription " + id + " to " + removed.getUrl() + " removed");
        });
    }

    @Audited("webhook.redeliver")
    public void redeliver(long deliveryId) {
        if (!permission.granted(Permission.WEBHOOK_MANAGE, "Redelivering")) {
            return;
        }
        messages.attempt(() -> {
            WebhookSubscription subscription = getSelected().orElseThrow(() ->
                    new NotFoundException("Webhook subscription", webhook));
            audit.target("/api/v1/webhooks/" + subscription.getId() + "/deliveries/" + deliveryId);
            WebhookDelivery delivery = deliveries.redeliver(subscription.getId(), deliveryId);
            messages.done("Delivery " + delivery.getMessageId() + " queued to be sent again");
        });
    }

    public List<ChatLink> getOwnLinks() {
        return links.links(caller.name());
    }

    public List<ChatLink> getAllLinks() {
        return isAdministrator() ? links.links(null) : List.of();
    }

    public boolean isDiscordConfigured() {
        return isAdministrator() && chatOps.discordPublicKey().isPresent();
    }

    public boolean isSlackConfigured() {
        return isAdministrator() && chatOps.slackSigningSecret().isPresent();
    }

    @Audited("chatops.link-code")
    public void newLinkCode() {
        if (!permission.granted(Permission.SELF_MANAGE, "Linking a chat account")) {
            return;
        }
        audit.target("/api/v1/me/chat-links");
        linkCode = links.newCode(caller.name()).getCode();
        messages.done("Send /helix link " + linkCode + " from your chat account within "
                + LinkCode.VALID_FOR.toMinutes() + " minutes");
    }

    @Audited("chatops.unlink")
    public void unlink(String platform) {
        if (!permission.granted(Permission.SELF_MANAGE, "Unlinking a chat account")) {
            return;
        }
        messages.attempt(() -> {
            audit.target("/api/v1/me/chat-links/" + platform);
            links.unlink(caller.name(), ChatPlatform.valueOf(platform));
            messages.done("Your " + platform.toLowerCase(Locale.ROOT) + " account is unlinked");
        });
    }

    @Audited("chatops.configure")
    public void configureChatOps() {
        if (!permission.granted(Permission.SECURITY_MANAGE, "Configuring chat-ops")) {
            return;
        }
        messages.attempt(() -> {
            audit.target("/api/v1/admin/chatops");
            if (discordPublicKey != null && !discordPublicKey.isBlank()) {
                chatOps.discordPublicKey(discordPublicKey.strip());
            }
            if (slackSigningSecret != null && !slackSigningSecret.isBlank()) {
                chatOps.slackSigningSecret(slackSigningSecret.strip());
            }
            messages.done("Chat-ops settings saved");
            discordPublicKey = null;
            slackSigningSecret = null;
        });
    }

    /** The spirals that take inbound webhooks, for those who may read spirals. */
    public List<Spiral> getWebhookSpirals() {
        return caller.may(Permission.SPIRAL_READ) ? spirals.triggeredBy(TriggerType.WEBHOOK) : List.of();
    }

    public Long getWebhook() {
        return webhook;
    }

    public String getIssuedSecret() {
        return issuedSecret;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events == null ? List.of() : events;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public boolean isAllowPrivate() {
        return allowPrivate;
    }

    public void setAllowPrivate(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public String getLinkCode() {
        return linkCode;
    }

    public String getDiscordPublicKey() {
        return discordPublicKey;
    }

    public void setDiscordPublicKey(String discordPublicKey) {
        this.discordPublicKey = discordPublicKey;
    }

    public String getSlackSigningSecret() {
        return slackSigningSecret;
    }

    public void setSlackSigningSecret(String slackSigningSecret) {
        this.slackSigningSecret = slackSigningSecret;
    }
}
