package dev.helix.web.security;

import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.RequestAllowance;
import dev.helix.identity.service.AllowanceLedger;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request allowance of every caller on this server: {@code helix.rate-limit.per-minute} (default 1000) per
 * user, across all the user's keys, and an API key's own {@code rateLimitPerMinute} on top, if it has one. Counted by
 * this server alone, or, with {@code helix.rate-limit.shared} (on in the production configuration's shared stores),
 * across every server of a cluster over the database ({@link RequestAllowance#counted}).
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    @ConfigProperty(name = "helix.rate-limit.per-minute", defaultValue = "1000")
    int defaultPerMinute;

    @Inject
    @ConfigProperty(name = "helix.rate-limit.shared", defaultValue = "false")
    boolean shared;

    @Inject
    AllowanceLedger ledger;

    private RequestAllowance limiter;

    @PostConstruct
    void start() {
        limiter = RequestAllowance.counted(shared, ledger);
    }

    /** Whether a request may go on; when not, which allowance it exceeded and when to try again. */
    public record Decision(boolean allowed, long retryAfterSeconds, String exceeded) {
    }

    private static final Decision ALLOWED = new Decision(true, 0, null);

    /**
     * Takes one request from the key's allowance, if the request came with a key that has one, and always from the
     * user's: keys narrow a user's allowance, never widen it.
     */
    public Decision acquire(String user, ApiKeyIdentity key) {
        if (key != null && key.rateLimitPerMinute() != null) {
            RequestAllowance.Verdict byKey = limiter.acquire("key:" + key.keyId(), key.rateLimitPerMinute());
            if (!byKey.allowed()) {
                return new Decision(false, byKey.retryAfterSeconds(),
                        key.rateLimitPerMinute() + " requests per minute for API key " + key.prefix());
            }
        }
        RequestAllowance.Verdict byUser = limiter.acquire("user:" + user, defaultPerMinute);
        return byUser.allowed() ? ALLOWED : new Decision(false, byUser.retryAfterSeconds(),
                defaultPerMinute + " requests per minute for user '" + user + "'");
    }
}
