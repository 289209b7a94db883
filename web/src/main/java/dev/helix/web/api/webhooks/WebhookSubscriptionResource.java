package dev.helix.web.api.webhooks;

import dev.helix.identity.model.Permission;
import dev.helix.webhooks.model.IssuedSubscription;
import dev.helix.webhooks.model.WebhookSubscription;
import dev.helix.webhooks.service.WebhookDeliveries;
import dev.helix.webhooks.service.WebhookSubscriptions;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Event webhooks: a user's subscriptions to the platform's events, their delivery log, and redelivery. A user sees
 * and changes their own subscriptions; an administrator (security:manage) everyone's, and only an administrator may
 * let a subscription call private or loopback addresses.
 */
@Path("/webhooks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookSubscriptionResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @POST
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "Subscribe a URL to events",
            description = "The secret deliveries are signed with is generated and shown once when none is given.")
    @Audited("webhook.create")
    public Response create(@NotNull(message = BODY_REQUIRED) WebhookRequest request, @Context UriInfo uri) {
        IssuedSubscription issued = subscriptions.subscribe(caller.name(), access.allowed(request.definition()), request.secret());
        WebhookView created = WebhookView.of(issued.subscription(), issued.secret());
        audit.change(null, Map.of("url", created.url(), "events", created.events()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "The caller's subscriptions (an administrator's: everyone's)")
    public List<WebhookView> list() {
        return access.visible().stream().map(s -> WebhookView.of(s, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "One subscription")
    public WebhookView get(@PathParam("id") long id) {
        return WebhookView.of(access.visible(id), null);
    }

    @PUT
    @Path("/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "Change a subscription", description = "A change enables a disabled subscription again.")
    @Audited("webhook.update")
    public WebhookView update(@PathParam("id") long id, @NotNull(message = BODY_REQUIRED) WebhookRequest request) {
        WebhookSubscription before = access.visible(id);
        Map<String, Object> was = Map.of("url", before.getUrl(), "enabled", before.isEnabled());
        WebhookView changed = WebhookView.of(subscriptions.redefine(id, access.allowed(request.definition()), request.secret()), null);
        audit.change(was, Map.of("url", changed.url(), "enabled", changed.enabled()));
        return changed;
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "Remove a subscription with its delivery log")
    @Audited("webhook.delete")
    public Response delete(@PathParam("id") long id) {
        access.visible(id);
        subscriptions.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "The subscription's newest deliveries with their attempts, newest first")
    public List<DeliveryView> deliveries(@PathParam("id") long id,
                                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        access.visible(id);
        return deliveries.deliveries(id, limit).stream()
                .map(d -> DeliveryView.of(d, deliveries.attempts(d.getId()))).toList();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RequiresPermission(Permission.WEBHOOK_MANAGE)
    @Operation(summary = "Send a delivery again now, with the same webhook-id")
    @Audited("webhook.redeliver")
    public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        access.visible(id);
        DeliveryView queued = DeliveryView.of(deliveries.redeliver(id, deliveryId), deliveries.attempts(deliveryId));
        return Response.accepted(queued).build();
    }
}
