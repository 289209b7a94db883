package dev.helix.web.security;

import dev.helix.identity.model.Permission;
import dev.helix.web.api.problems.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Guards every REST resource method with the permission its {@link RequiresPermission} names; a method without
 * one is refused to everybody, unless it checks its request's signature itself ({@link SignedRequest}). A caller
 * without the permission gets a 403 problem that names it.
 */
@Provider
public class PermissionFeature implements DynamicFeature {

    private static final Logger LOG = Logger.getLogger(PermissionFeature.class.getName());

    @Inject
    Caller caller;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        if (resource.getResourceMethod().isAnnotationPresent(SignedRequest.class)) {
            return;
        }
        Optional<Permission> needed = Optional.ofNullable(resource.getResourceMethod().getAnnotation(RequiresPermission.class))
                .or(() -> Optional.ofNullable(resource.getResourceClass().getAnnotation(RequiresPermission.class)))
                .map(RequiresPermission::value);
        if (needed.isEmpty()) {
            LOG.warning(() -> resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName()
                    + " names no permission and is refused to everybody");
        }
        context.register(new Check(caller, needed.orElse(null)));
    }

    /** The check of one resource method. */
    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {

        private final Caller caller;
        private final Permission needed;

        Check(Caller caller, Permission needed) {
            this.caller = caller;
            this.needed = needed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            if (needed == null) {
                request.abortWith(Problems.response(403, "forbidden", "Forbidden", "This endpoint is open to nobody"));
            } else if (!caller.may(needed)) {
                request.abortWith(Problems.response(403, "forbidden", "Forbidden", caller.refusal(needed)));
            }
        }
    }
}
