package dev.helix.web.api.gateway;

import dev.helix.gateway.model.ModelAlias;
import dev.helix.gateway.service.Gateway;
import dev.helix.gateway.service.GatewayAliases;
import dev.helix.identity.model.Permission;
import dev.helix.shared.error.InvalidInputException;
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

/** The model gateway's aliases, for administrators: which deployments serve a public model name, and its fallbacks. */
@Path("/admin/gateway/models")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class GatewayModelResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    GatewayAliases aliases;

    @Inject
    Gateway gateway;

    @GET
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Operation(summary = "The gateway's model aliases, by name")
    public List<AliasView> list() {
        return aliases.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{alias}")
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Operation(summary = "One model alias")
    public AliasView get(@PathParam("alias") String alias) {
        return view(aliases.find(alias));
    }

    @POST
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("gateway.alias.create")
    @Operation(summary = "Define a model alias",
            description = "Its deployments (a registered provider and one of its models, a weight, optionally a request rate), "
                    + "the aliases it falls back to in order, the timeout of one call and how long identical answers are cached.")
    public Response define(@NotNull(message = BODY_REQUIRED) AliasRequest request, @Context UriInfo uri) {
        AliasView created = view(aliases.define(request.definition(request.alias())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.alias()).build()).entity(created).build();
    }

    @PUT
    @Path("/{alias}")
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("gateway.alias.update")
    @Operation(summary = "Change a model alias", description = "The whole definition is replaced; calls route by it at once.")
    public AliasView redefine(@PathParam("alias") String alias, @NotNull(message = BODY_REQUIRED) AliasRequest request) {
        if (request.alias() != null && !request.alias().equals(alias)) {
            throw new InvalidInputException("alias cannot change ('" + alias + "'); define a new alias instead");
        }
        return view(aliases.redefine(alias, request.definition(alias)));
    }

    @DELETE
    @Path("/{alias}")
    @RequiresPermission(Permission.GATEWAY_MANAGE)
    @Audited("gateway.alias.delete")
    @Operation(summary = "Remove a model alias; refused while another alias falls back to it")
    public Response delete(@PathParam("alias") String alias) {
        aliases.delete(alias);
        return Response.noContent().build();
    }

    private AliasView view(ModelAlias alias) {
        return AliasView.of(alias, gateway::circuitState);
    }
}
