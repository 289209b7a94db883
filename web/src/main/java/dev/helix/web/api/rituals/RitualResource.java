package dev.helix.web.api.rituals;

import dev.helix.identity.model.Permission;
import dev.helix.rituals.model.Ritual;
import dev.helix.rituals.model.RitualChange;
import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.service.RitualStages;
import dev.helix.rituals.service.Rituals;
import dev.helix.web.api.StrictJson;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rituals (scheduled multi-stage procedures): schedules, runs now (for real or dry), progress while they run,
 * history and analytics. Every run is a Jakarta Batch job execution with checkpoints.
 */
@Path("/rituals")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rituals")
public class RitualResource {

    @Inject
    Rituals rituals;

    @Inject
    RitualStages stages;

    @Inject
    Caller caller;

    @GET
    @RequiresPermission(Permission.RITUAL_READ)
    @Operation(summary = "The rituals, with schedule, next fire time and last run")
    public List<RitualView> rituals() {
        Map<String, Instant> nextFires = rituals.nextFires();
        Map<String, RitualRun> latestRuns = rituals.latestRuns();
        return rituals.rituals().stream().map(r -> RitualView.of(r, nextFires.get(r.getName()),
                summary(latestRuns.get(r.getName())), null)).toList();
    }

    @GET
    @Path("/stages")
    @RequiresPermission(Permission.RITUAL_READ)
    @Operation(summary = "The registered stages that rituals are composed of")
    public List<StageView> stages() {
        return stages.all().stream().map(StageView::of).toList();
    }

    @GET
    @Path("/{name}")
    @RequiresPermission(Permission.RITUAL_READ)
    @Operation(summary = "One ritual with its analytics (duration and outcome trend)")
    public RitualView ritual(@PathParam("name") String name) {
        return view(rituals.ritual(name));
    }

    @PUT
    @Path("/{name}")
    @RequiresPermission(Permission.RITUAL_MANAGE)
    @Operation(summary = "Schedule, enable or disable a ritual; compose a custom ritual from registered stages",
            description = "A name no ritual has creates a custom ritual (stages required). Built-in rituals keep their stages (409).")
    @Audited("ritual.configure")
    public RitualView configure(@PathParam("name") String name, @NotNull(message = "a JSON body is required") @Valid RitualRequest request) {
        return view(rituals.configure(name, new RitualChange(request.cron(), request.enabled(), request.description(), request.stages())));
    }

    @POST
    @Path("/{name}/runs")
    @Consumes(MediaType.WILDCARD)
    @RequiresPermission(Permission.RITUAL_RUN)
    @Operation(summary = "Run a ritual now", description = "An optional JSON body: {\"dryRun\":true} validates and reports "
            + "without side effects; \"steps\" (27, 54, 108, 216) for Z-88. 202: the run is queued.")
    @Audited("ritual.run")
    public Response start(@PathParam("name") String name, String body, @Context UriInfo uri) {
        RunRequest request = StrictJson.fromJson(body, RunRequest.class);
        boolean dryRun = request != null && Boolean.TRUE.equals(request.dryRun());
        RitualRun run = rituals.start(name, dryRun, request == null ? null : request.steps(), caller.name());
        return Response.accepted(RunView.of(run, rituals.stagesOf(run.getId())))
                .location(uri.getAbsolutePathBuilder().path(String.valueOf(run.getId())).build()).build();
    }

    @GET
    @Path("/{name}/runs")
    @RequiresPermission(Permission.RITUAL_READ)
    @Operation(summary = "The ritual's runs, newest first")
    public List<RunView> runs(@PathParam("name") String name,
                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return rituals.runs(name, limit).stream().map(r -> RunView.of(r, List.of())).toList();
    }

    @GET
    @Path("/{name}/runs/{runId}")
    @RequiresPermission(Permission.RITUAL_READ)
    @Operation(summary = "One run: progress (stage, step n of m, percent), stages and their results")
    public RunView run(@PathParam("name") String name, @PathParam("runId") long runId) {
        return RunView.of(rituals.run(name, runId), rituals.stagesOf(runId));
    }

    /** One ritual with its analytics. */
    private RitualView view(Ritual ritual) {
        String name = ritual.getName();
        RitualRun last = rituals.runs(name, 1).stream().findFirst().orElse(null);
        return RitualView.of(ritual, rituals.nextFire(name).orElse(null), summary(last), rituals.analytics(name));
    }

    /** A run as lists show it: without its stages. */
    private static RunView summary(RitualRun run) {
        return run == null ? null : RunView.of(run, List.of());
    }
}
