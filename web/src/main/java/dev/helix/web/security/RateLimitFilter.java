package dev.helix.web.security;

import dev.helix.web.api.problems.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Holds every signed-in caller of the API to its {@link RequestLimits allowance}: a request beyond it gets a 429
 * problem with {@code Retry-After}, before any other work is done for it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class RateLimitFilter implements ContainerRequestFilter {

    @Inject
    Caller caller;

    @Inject
    RequestLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        String user = caller.name();
        if (user == null) {
            return;
        }
        RequestLimits.Decision decision = limits.acquire(user, caller.apiKey().orElse(null));
        if (!decision.allowed()) {
            request.abortWith(Response.fromResponse(Problems.response(429, "rate-limited", "Too many requests",
                    "At most " + decision.exceeded() + "; try again in " + decision.retryAfterSeconds() + " s"))
                    .header("Retry-After", decision.retryAfterSeconds()).build());
        }
    }
}
