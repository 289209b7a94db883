package dev.helix.web.api.spirals;

import dev.helix.identity.model.Permission;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.SpiralVersion;
import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.spirals.service.SpiralRuns;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Spirals (automation workflows): definitions (JSON, validated, versioned) and their runs, each a Jakarta Batch
 * job execution that can be stopped and, when it failed or was stopped, restarted from the step where it ended.
 */
@Path("/spirals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Spirals")
public class SpiralResource {

    @Inject
    SpiralCatalog catalog;

    @Inject
    SpiralRuns runs;

    @Inject
    Caller caller;

    @GET
    @RequiresPermission(Permission.SPIRAL_READ)
    @Operation(summary = "The spirals")
    public List<SpiralView> spirals() {
        List<Spiral> spirals = catalog.spirals();
        Map<Long, SpiralVersion> versions = catalog.currentVersions();
        Map<Long, Instant> nextFires = catalog.nextFires();
        // A spiral deleted between the two reads has no current version any more: it is left out.
        return spirals.stream().filter(s -> versions.containsKey(s.getId()))
                .map(s -> SpiralView.of(s, versions.get(s.getId()), nextFires.get(s.getId()), null)).toList();
    }

    @POST
    @RequiresPermission(Permission.SPIRAL_MANAGE)
    @Operation(summary = "Create a spiral", description = "The definition is validated first: 422 lists every problem. "
            + "The answer holds the spiral's secret (for signed webhooks and calls) this once.")
    @Audited("spiral.create")
    public Response create(String definition, @Context UriInfo uri) {
        SpiralCatalog.Created created = catalog.create(definition, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.spiral().getId())).build())
                .entity(view(created.spiral(), created.secret())).build();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.SPIRAL_READ)
    @Operation(summary = "One spiral with its current definition")
    public SpiralView spiral(@PathParam("id") long id) {
        return view(catalog.spiral(id), null);
    }

    @PUT
    @Path("/{id}")
    @RequiresPermission(Permission.SPIRAL_MANAGE)
    @Operation(summary = "Edit a spiral", description = "Saves a new version; runs keep the version they started with.")
    @Audited("spiral.update")
    public SpiralView update(@PathParam("id") long id, String definition) {
        return view(catalog.update(id, definition, caller.name()), null);
    }

    @DELETE
    @Path("/{id}")
    @RequiresPermission(Permission.SPIRAL_MANAGE)
    @Operation(summary = "Delete a spiral", description = "It no longer fires; its versions and runs stay readable.")
    @Audited("spiral.delete")
    public Response delete(@PathParam("id") long id) {
        catalog.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(Permission.SPIRAL_MANAGE)
    @Operation(summary = "Rotate the spiral's secret", description = "The new secret is in the answer, this once.")
    @Audited("spiral.rotate-secret")
    public SpiralView rotateSecret(@PathParam("id") long id) {
        String secret = catalog.rotateSecret(id);
        return view(catalog.spiral(id), secret);
    }

    @GET
    @Path("/{id}/versions")
    @RequiresPermission(Permission.SPIRAL_READ)
    @Operation(summary = "Every version of the spiral's definition, newest first")
    public List<VersionView> versions(@PathParam("id") long id) {
        return catalog.versions(id).stream().map(VersionView::of).toList();
    }

    @POST
    @Path("/{id}/runs")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(Permission.SPIRAL_RUN)
    @Operation(summary = "Start a run by hand", description = "An optional JSON object body (at most 64 KiB, else 413) "
            + "becomes the run's 'input'. 202: the run is queued.")
    @Audited("spiral.run")
    public Response start(@PathParam("id") long id, InputStream body, @Context UriInfo uri) throws IOException {
        String input = new String(Payloads.read(body), StandardCharsets.UTF_8);
        SpiralRun run = runs.startManually(id, input, caller.name());
        return Response.accepted(RunView.of(run, List.of()))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(run.getId())).build()).build();
    }

    @GET
    @Path("/{id}/runs")
    @RequiresPermission(Permission.SPIRAL_READ)
    @Operation(summary = "The spiral's runs, newest first")
    public List<RunView> runs(@PathParam("id") long id,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return runs.runs(id, limit).stream().map(r -> RunView.of(r, List.of())).toList();
    }

    @GET
    @Path("/{id}/runs/{runId}")
    @RequiresPermission(Permission.SPIRAL_READ)
    @Operation(summary = "One run with every step's status, attempts, output and log, and its batch execution id")
    public RunView run(@PathParam("id") long id, @PathParam("runId") long runId) {
        return RunView.of(runs.run(id, runId), runs.steps(runId));
    }

    @POST
    @Path("/{id}/runs/{runId}/restart")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(Permission.SPIRAL_RUN)
    @Operation(summary = "Restart a failed or stopped run from the step where it ended", description = "409 for other runs.")
    @Audited("spiral.restart")
    public Response restart(@PathParam("id") long id, @PathParam("runId") long runId) {
        return Response.accepted(RunView.of(runs.restart(id, runId), runs.steps(runId))).build();
    }

    @POST
    @Path("/{id}/runs/{runId}/stop")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(Permission.SPIRAL_RUN)
    @Operation(summary = "Stop a run after its current step", description = "409 for runs that have ended.")
    @Audited("spiral.stop")
    public Response stop(@PathParam("id") long id, @PathParam("runId") long runId) {
        return Response.accepted(RunView.of(runs.stop(id, runId), runs.steps(runId))).build();
    }

    private SpiralView view(Spiral spiral, String secret) {
        return SpiralView.of(spiral, catalog.current(spiral.getId()), catalog.nextFire(spiral.getId()).orElse(null), secret);
    }

}
