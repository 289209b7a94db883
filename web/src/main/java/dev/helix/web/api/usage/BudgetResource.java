package dev.helix.web.api.usage;

import dev.helix.identity.model.Permission;
import dev.helix.metering.service.Budgets;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Token budgets of users and API keys, per day or per month (UTC): past one, calls through the gateway get a 429 and
 * agents' model calls fail with the reason; the owner is told at 80 %.
 */
@Path("/admin/budgets")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Usage")
public class BudgetResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    Budgets budgets;

    @GET
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Operation(summary = "Every token budget, with what its current period has used")
    public List<BudgetView> list() {
        return budgets.all().stream().map(BudgetView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Operation(summary = "One token budget")
    public BudgetView get(@PathParam("id") long id) {
        return BudgetView.of(budgets.find(id));
    }

    @POST
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("budget.create")
    @Operation(summary = "Give a user or an API key a token budget a day or a month",
            description = "One budget per subject and period; tokens of every path count: the gateway's calls and the agents' "
                    + "model calls for the tasks the user asked for.")
    public Response define(@NotNull(message = BODY_REQUIRED) BudgetRequest request, @Context UriInfo uri) {
        BudgetView created = BudgetView.of(budgets.define(request.definition()));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build()).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("budget.update")
    @Operation(summary = "Change how many tokens a budget allows")
    public BudgetView change(@PathParam("id") long id, @NotNull(message = BODY_REQUIRED) BudgetRequest request) {
        return BudgetView.of(budgets.change(id, request.tokens()));
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("budget.delete")
    @Operation(summary = "Remove a token budget")
    public Response delete(@PathParam("id") long id) {
        budgets.delete(id);
        return Response.noContent().build();
    }
}
