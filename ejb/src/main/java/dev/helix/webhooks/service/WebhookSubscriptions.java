package dev.helix.webhooks.service;

import dev.helix.projects.service.Projects;
import dev.helix.secrets.service.SecretVault;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.webhooks.model.IssuedSubscription;
import dev.helix.webhooks.model.WebhookDefinition;
import dev.helix.webhooks.model.WebhookSignature;
import dev.helix.webhooks.model.WebhookSubscription;
import dev.helix.webhooks.outbound.PublicAddresses;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Subscriptions to the platform's events: saved only with a URL that may be called (public, unless an administrator
 * allowed private addresses), at least one event, an existing project if it names one, and a secret (generated when
 * none is given, kept in the vault).
 */
@Stateless
public class WebhookSubscriptions {

    private static final int MAX_URL = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretVault vault;

    @Inject
    Projects projects;

    /** Saves a subscription; {@code secret} null for a generated one. */
    public IssuedSubscription subscribe(String owner, WebhookDefinition definition, String secret) {
        String key = secret == null ? WebhookSignature.newSecret() : checkedSecret(secret);
        checked(definition);
        WebhookSubscription subscription = new WebhookSubscription(owner, definition, Instant.now());
        em.persist(subscription);
        em.flush();
        vault.put(secretName(subscription.getId()), key);
        return new IssuedSubscription(subscription, secret == null ? key : null);
    }

    /** Changes a subscription (enabling it again); its secret too when one is given. */
    public WebhookSubscription redefine(long id, WebhookDefinition definition, String secret) {
        String key = secret == null ? null : checkedSecret(secret);
        checked(definition);
        WebhookSubscription subscription = subscription(id);
        subscription.define(definition, Instant.now());
        if (key != null) {
            vault.put(secretName(id), key);
        }
        return subscription;
    }

    public WebhookSubscription subscription(long id) {
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        if (subscription == null) {
            throw new NotFoundException("Webhook subscription", id);
        }
        return subscription;
    }

    /** A user's subscriptions, or everyone's for {@code owner} null; oldest first. */
    public List<WebhookSubscription> subscriptions(String owner) {
        if (owner == null) {
            return em.createQuery("SELECT s FROM WebhookSubscription s ORDER BY s.id", WebhookSubscription.class)
                    .getResultList();
        }
        return em.createQuery("SELECT s FROM WebhookSubscription s WHERE s.owner = :owner ORDER BY s.id",
                WebhookSubscription.class).setParameter("owner", owner).getResultList();
    }

    /** Removes the subscription, its deliveries and its secret. */
    public void remove(long id) {
        em.remove(subscription(id));
        vault.delete(secretName(id));
    }

    /** The secret deliveries are signed with, for Helix's own use. */
    public String secret(long id) {
        return vault.reveal(secretName(id));
    }

    private void checked(WebhookDefinition definition) {
        if (definition.url() == null || definition.url().isBlank() || definition.url().length() > MAX_URL) {
            throw new InvalidInputException("url must be an http or https URL of at most " + MAX_URL + " characters");
        }
        URI url = PublicAddresses.checkedUrl(definition.url());
        if (definition.events() == null || definition.events().isEmpty()) {
            throw new InvalidInputException("events must name at least one event type");
        }
        if (definition.projectId() != null && !projects.exists(definition.projectId())) {
            throw new NotFoundException("Project", definition.projectId());
        }
        PublicAddresses.refusal(url, definition.allowPrivate()).ifPresent(reason -> {
            throw new InvalidInputException("url cannot be used: " + reason);
        });
    }

    private static String checkedSecret(String secret) {
        if (!WebhookSignature.isValidSecret(secret)) {
            throw new InvalidInputException("secret must be 'whsec_' and the base64 of 24 to 64 random bytes, or left out "
                    + "for Helix to generate one");
        }
        return secret;
    }

    private static String secretName(long id) {
        return "webhook." + id;
    }
}
