package dev.helix.web.audit;

import dev.helix.audit.model.Outcome;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Audits the changing API calls that never reached their action: refused for a missing permission (DENIED) or
 * turned away before it ran, e.g. for invalid input or an unknown path (FAILURE). Calls that reached an
 * {@link Audited} action have their record already.
 */
@Provider
public class RefusedCallAuditor implements ContainerResponseFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Refusals refusals;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // 429s are not recorded: a flood must not turn into a flood of writes.
        if (READS.contains(request.getMethod()) || response.getStatus() < 400 || response.getStatus() == 429) {
            return;
        }
        Method method = resource.getResourceMethod();
        String action = Optional.ofNullable(method).map(m -> m.getAnnotation(Audited.class)).map(Audited::value)
                .or(() -> Optional.ofNullable(method).map(m -> m.getAnnotation(AuditedBy.class)).map(AuditedBy::value))
                .orElse("http." + request.getMethod().toLowerCase(Locale.ROOT));
        Outcome outcome = response.getStatus() == 401 || response.getStatus() == 403 ? Outcome.DENIED : Outcome.FAILURE;
        String detail = "HTTP " + response.getStatus() + (response.getEntity() instanceof String body ? ": " + body : "");
        refusals.record(action, outcome, detail);
    }
}
