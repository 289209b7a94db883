package dev.helix.web.api.fleet;

import dev.helix.identity.model.Permission;
import dev.helix.tasks.model.AgentProgress;
import dev.helix.tasks.model.ChecklistItem;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fleet as a whole: what every working agent is doing right now. */
@Path("/fleet")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fleet")
public class FleetResource {

    /** Answer of {@code GET /fleet/live-progress}. */
    public record LiveProgress(List<AgentProgressView> agents) {
    }

    @Inject
    TaskService tasks;

    @GET
    @Path("/live-progress")
    @RequiresPermission(Permission.FLEET_READ)
    @Operation(summary = "Every working agent with its task and current checklist item (two before, two after)")
    public LiveProgress liveProgress() {
        return new LiveProgress(tasks.liveProgress().stream().map(AgentProgressView::of).toList());
    }

    /** One working agent's progress, flattened for clients. */
    public record AgentProgressView(long agentId, String agentName, String role, long taskId, String taskTitle,
                                    String taskStatus, ChecklistItem current, List<ChecklistItem> before, List<ChecklistItem> after, int done, int total) {

        static AgentProgressView of(AgentProgress p) {
            return new AgentProgressView(p.agentId(), p.agentName(), p.role(), p.taskId(), p.taskTitle(),
                    p.taskStatus().name(), p.progress().current(), p.progress().before(), p.progress().after(),
                    p.progress().done(), p.progress().total());
        }
    }
}
