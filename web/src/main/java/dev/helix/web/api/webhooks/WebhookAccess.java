package dev.helix.web.api.webhooks;

import dev.helix.identity.model.Permission;
import dev.helix.shared.error.DomainException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.webhooks.model.WebhookDefinition;
import dev.helix.webhooks.model.WebhookSubscription;
import dev.helix.webhooks.service.WebhookSubscriptions;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Who may see and change which webhook subscription, for the REST API and the Integrations page alike: a user their
 * own, an administrator (security:manage) everyone's; only an administrator may let a subscription call private
 * addresses.
 */
@ApplicationScoped
public class WebhookAccess {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    Caller caller;

    /** The subscriptions the caller sees: their own, or everyone's for an administrator. */
    public List<WebhookSubscription> visible() {
        return subscriptions.subscriptions(administrator() ? null : caller.name());
    }

    /** The subscription, if the caller may see it; unknown otherwise (another user's is not revealed). */
    public WebhookSubscription visible(long id) {
        WebhookSubscription subscription = subscriptions.subscription(id);
        if (!administrator() && !subscription.getOwner().equals(caller.name())) {
            throw new NotFoundException("Webhook subscription", id);
        }
        return subscription;
    }

    /** The definition, if the caller may make it: private addresses are an administrator's to allow. */
    public WebhookDefinition allowed(WebhookDefinition definition) {
        if (definition.allowPrivate() && !administrator()) {
            throw new PrivateAddressesRefused();
        }
        return definition;
    }

    public boolean administrator() {
        return caller.may(Permission.SECURITY_MANAGE);
    }

    /** A subscription to private addresses asked for by someone who is not an administrator. */
    static final class PrivateAddressesRefused extends DomainException {

        PrivateAddressesRefused() {
            super("Only an administrator (security:manage) may let a subscription call private or loopback addresses");
        }

        @Override
        public String problemType() {
            return "forbidden";
        }

        @Override
        public String title() {
            return "Forbidden";
        }

        @Override
        public int status() {
            return 403;
        }
    }
}
