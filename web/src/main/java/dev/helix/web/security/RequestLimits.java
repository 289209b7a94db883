package dev.helix.web.security;

import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request allowance of every caller on this server: an API key's own {@code rateLimitPerMinute}, else
 * {@code helix.rate-limit.per-minute} (default 1000) per key and per user. Counted per server: behind a load
 * balancer over several servers, a caller gets up to that many times the limit.
 */
@ApplicationScoped
public class RequestLimits {

    @Inject
    @ConfigProperty(name = "helix.rate-limit.per-minute", defaultValue = "1000")
    int defaultPerMinute;

    private RateLimiter limiter;

    @PostConstruct
    void start() {
        limiter = new RateLimiter(System::nanoTime);
    }

    /** Takes one request from the allowance of the key, or of the user when there is no key. */
    public RateLimiter.Verdict acquire(String user, ApiKeyIdentity key) {
        return limiter.acquire(key == null ? "user:" + user : "key:" + key.keyId(), limitOf(key));
    }

    public int limitOf(ApiKeyIdentity key) {
        return key == null || key.rateLimitPerMinute() == null ? defaultPerMinute : key.rateLimitPerMinute();
    }
}
