package dev.helix.web.api.memory;

import dev.helix.identity.model.Permission;
import dev.helix.memory.model.IndexStatus;
import dev.helix.memory.model.NewMemory;
import dev.helix.memory.service.Memories;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * The fleet's vector memory (C4): task summaries and error resolutions per workspace, found by exact cosine
 * similarity of their embeddings, computed by the compute kernels.
 */
@Path("/memory")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memory")
public class MemoryResource {

    private static final int DEFAULT_K = 5;

    @Inject
    Memories memories;

    @Inject
    Caller caller;

    @POST
    @RequiresPermission(Permission.MEMORY_WRITE)
    @Operation(summary = "Remember a text", description = "201 with the memory; searchable at once")
    @Audited("memory.create")
    public Response remember(@NotNull(message = "a JSON body is required") @Valid MemoryRequest request, @Context UriInfo uri) {
        MemoryView memory = MemoryView.of(memories.remember(new NewMemory(request.text(), request.kind(),
                request.workspace(), request.taskId()), caller.name()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(memory.id())).build()).entity(memory).build();
    }

    @POST
    @Path("/search")
    @RequiresPermission(Permission.MEMORY_READ)
    @Operation(summary = "The k memories most similar to a query, best first",
            description = "Exact top-k by cosine similarity over every memory of the scope (a workspace; all when absent). "
                    + "503 while the index is loading at start-up.")
    public List<MemoryView> search(@NotNull(message = "a JSON body is required") @Valid MemorySearchRequest request) {
        int k = request.k() == null ? DEFAULT_K : request.k();
        return memories.search(request.query(), k, request.scope()).stream().map(MemoryView::of).toList();
    }

    @GET
    @Path("/status")
    @RequiresPermission(Permission.MEMORY_READ)
    @Operation(summary = "The memory index: loading progress, size, embedder and compute backend")
    public IndexStatusView status() {
        return IndexStatusView.of(memories.status());
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.MEMORY_READ)
    @Operation(summary = "One memory")
    public MemoryView memory(@PathParam("id") long id) {
        return MemoryView.of(memories.memory(id));
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.MEMORY_WRITE)
    @Operation(summary = "Forget a memory")
    @Audited("memory.delete")
    public Response forget(@PathParam("id") long id) {
        memories.forget(id);
        return Response.noContent().build();
    }

    /** The index's state as the API shows it. */
    public record IndexStatusView(String state, long loaded, long total, int percent, long reembedded, String embedder,
                                  String backend, String requestedBackend, String device, String note, String problem) {

        static IndexStatusView of(IndexStatus s) {
            return new IndexStatusView(s.state().name(), s.loaded(), s.total(), s.percent(), s.reembedded(), s.embedder(),
                    s.compute().backend().name(), s.compute().requested().name(), s.compute().device(),
                    s.compute().note(), s.problem());
        }
    }
}
