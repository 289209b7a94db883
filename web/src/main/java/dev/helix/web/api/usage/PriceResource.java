package dev.helix.web.api.usage;

import dev.helix.identity.model.Permission;
import dev.helix.metering.model.ModelPrice;
import dev.helix.metering.service.Prices;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Prices per 1,000 tokens of each deployment ({@code provider/model}), which turn usage sums' tokens into spend. */
@Path("/admin/prices")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Usage")
public class PriceResource {

    @Inject
    Prices prices;

    @GET
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Operation(summary = "The price of every priced deployment")
    public List<ModelPrice> list() {
        return prices.all();
    }

    @PUT
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("price.set")
    @Operation(summary = "Set a deployment's prices per 1,000 prompt and completion tokens, in the currency you keep")
    public ModelPrice set(@NotNull(message = "a JSON body is required") PriceRequest request) {
        return prices.set(request.deployment(), request.promptPer1k(), request.completionPer1k());
    }

    @DELETE
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("price.delete")
    @Operation(summary = "Remove a deployment's price")
    public Response delete(@QueryParam("deployment") String deployment) {
        prices.delete(deployment);
        return Response.noContent().build();
    }
}
