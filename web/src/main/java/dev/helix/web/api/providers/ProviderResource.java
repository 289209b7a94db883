package dev.helix.web.api.providers;

import dev.helix.identity.model.Permission;
import dev.helix.providers.model.ProviderCheck;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.service.ProviderCatalog;
import dev.helix.providers.service.ProviderRegistry;
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

/** Model providers, for administrators: the endpoints agents think through, their keys kept in the secret vault. */
@Path("/admin/providers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class ProviderResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    @Inject
    ProviderCatalog catalog;

    @Inject
    ProviderRegistry registry;

    @GET
    @RequiresPermission(Permission.PROVIDER_MANAGE)
    @Operation(summary = "The registered model providers, the built-in offline one first; never their API keys")
    public List<ProviderView> list() {
        return catalog.all().stream().map(this::view).toList();
    }

    @GET
    @Path("/{name}")
    @RequiresPermission(Permission.PROVIDER_MANAGE)
    @Operation(summary = "One model provider")
    public ProviderView get(@PathParam("name") String name) {
        return view(catalog.find(name));
    }

    @POST
    @RequiresPermission(Permission.PROVIDER_MANAGE)
    @Audited("provider.create")
    @Operation(summary = "Register a model provider",
            description = "An OPENAI_COMPATIBLE endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LiteLLM): its base URL, "
                    + "the models it offers, an API key (stored encrypted, never shown again), a request timeout and retries.")
    public Response register(@NotNull(message = BODY_REQUIRED) ProviderRequest request, @Context UriInfo uri) {
        ProviderView created = view(catalog.register(request.definition(request.name())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @PUT
    @Path("/{name}")
    @RequiresPermission(Permission.PROVIDER_MANAGE)
    @Audited("provider.update")
    @Operation(summary = "Change a model provider", description = "An absent apiKey keeps the stored key; an empty one removes it.")
    public ProviderView update(@PathParam("name") String name, @NotNull(message = BODY_REQUIRED) ProviderRequest request) {
        if (request.name() != null && !request.name().equals(name)) {
            throw new InvalidInputException("name cannot change ('" + name + "'); register a new provider instead");
        }
        return view(catalog.update(name, request.definition(name)));
    }

    @DELETE
    @Path("/{name}")
    @RequiresPermission(Permission.PROVIDER_MANAGE)
    @Audited("provider.delete")
    @Operation(summary = "Remove a model provider and its API key; refused while a profile is bound to it")
    public Response delete(@PathParam("name") String name) {
        catalog.delete(name);
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/test")
    @RequiresPermission(Permission.PROVIDER_MANAGE)
    @Operation(summary = "Ask the provider for its models once: whether it answers, how fast, and which registered models it lacks")
    public ProviderCheck test(@PathParam("name") String name) {
        return catalog.test(name);
    }

    private ProviderView view(RegisteredProvider provider) {
        return ProviderView.of(provider, registry.circuitState(provider));
    }
}
