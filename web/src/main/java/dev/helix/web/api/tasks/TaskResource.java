package dev.helix.web.api.tasks;

import dev.helix.identity.model.Permission;
import dev.helix.memory.service.Memories;
import dev.helix.projects.model.BranchChanges;
import dev.helix.projects.model.SpecsCommit;
import dev.helix.shared.model.Abbreviation;
import dev.helix.tasks.model.Approval;
import dev.helix.tasks.model.ChecklistProgress;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.ModelTranscripts;
import dev.helix.tasks.service.TaskActivity;
import dev.helix.tasks.service.TaskGitHistory;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.api.problems.Problems;
import dev.helix.web.audit.Audited;
import dev.helix.web.audit.AuditedBy;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Spec-driven tasks: create, list, read, decide gates, cancel, follow progress and history. */
@Path("/tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TaskResource {

    @Inject
    Memories memories;

    @Inject
    TaskService tasks;

    @Inject
    TaskChanges changes;

    @Inject
    TaskGitHistory git;

    @Inject
    TaskActivity activity;

    @Inject
    ModelTranscripts transcripts;

    @Inject
    Caller caller;

    @POST
    @RequiresPermission(Permission.TASK_CREATE)
    @Operation(summary = "Create a task", description = "Accepted tasks are persisted and queued for an agent in one transaction.")
    @AuditedBy("task.create")
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateTaskRequest request, @Context UriInfo uri) {
        TaskView created = TaskView.of(changes.create(request.toNewTask()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "List tasks, newest first, optionally by status")
    public List<TaskView> list(@QueryParam("status") String status,
                               @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return tasks.tasks(parseStatus(status), offset, limit).stream().map(TaskView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "Read a task with its documents")
    public TaskView get(@PathParam("id") long id) {
        return TaskView.of(tasks.task(id));
    }

    @POST
    @Path("/{id}/approvals")
    @RequiresPermission(Permission.TASK_DECIDE)
    @Operation(summary = "Approve or reject the spec or the implementation",
            description = "A decision the task's current state does not allow is answered 409.")
    @AuditedBy("task.decide")
    public TaskView decide(@PathParam("id") long id, @NotNull(message = "a JSON body is required") @Valid DecisionRequest request) {
        return TaskView.of(changes.decide(id, request.gate(), request.decision(), request.comment()));
    }

    @GET
    @Path("/{id}/approvals")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "Who decided which gate, when, with which comment")
    public List<Approval> approvals(@PathParam("id") long id) {
        return tasks.approvals(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresPermission(Permission.TASK_CANCEL)
    @Operation(summary = "Cancel a task that is not finished")
    @AuditedBy("task.cancel")
    public TaskView cancel(@PathParam("id") long id) {
        return TaskView.of(changes.cancel(id));
    }

    @GET
    @Path("/{id}/progress")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "The plan's current checklist item, the two before and after it, and counts")
    public ChecklistProgress progress(@PathParam("id") long id) {
        return tasks.progress(id);
    }

    @GET
    @Path("/{id}/memories")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "The memories recalled into the task's context when an agent started it, best first")
    public List<RecallView> memories(@PathParam("id") long id) {
        tasks.task(id);
        return memories.recalledBy(id).stream().map(RecallView::of).toList();
    }

    @GET
    @Path("/{id}/history")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "The task's state transitions with actor and time")
    public List<TransitionView> history(@PathParam("id") long id) {
        return tasks.history(id).stream().map(TransitionView::of).toList();
    }

    @GET
    @Path("/{id}/documents/history")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "The commits of the project's helix-specs branch that changed the task's documents, newest first",
            description = "Each status change and checklist change of a task in a project is a commit naming the task and "
                    + "the actor; 404 for a task in no project.")
    public List<SpecsCommit> documentHistory(@PathParam("id") long id) {
        return git.history(id);
    }

    @GET
    @Path("/{id}/documents/history/{commit}")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "The task's documents as the commit holds them")
    public DocumentsView documentsAt(@PathParam("id") long id, @PathParam("commit") String commit) {
        return DocumentsView.of(commit, git.at(id, commit));
    }

    @GET
    @Path("/{id}/documents/history/{commit}/changes")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "What the commit changed in the task's documents, as a unified diff against the commit before it")
    public DocumentChangesView documentChanges(@PathParam("id") long id, @PathParam("commit") String commit) {
        return new DocumentChangesView(commit, git.documentChanges(id, commit));
    }

    @GET
    @Path("/{id}/changes")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "What the task's implementation branch changes: its files, lines added and deleted, and the unified diff",
            description = "Against the commit of the default branch the branch forked from (once merged, the one it was "
                    + "merged onto); 404 for a task in no project or whose agent has not started on its checklist.")
    public BranchChanges changes(@PathParam("id") long id) {
        return git.changes(id);
    }

    @GET
    @Path("/{id}/activity")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "The tool calls of the task's agents, oldest first",
            description = "Each with the checklist item, the tool, its arguments, what came of it and how long it took; "
                    + "page on with after (the last id read).")
    public List<ToolCallView> activity(@PathParam("id") long id, @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                       @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return activity.of(id, after, limit).stream().map(ToolCallView::of).toList();
    }

    @GET
    @Path("/{id}/transcript")
    @RequiresPermission(Permission.TASK_READ)
    @Operation(summary = "Every call of the task's agents' models, oldest first",
            description = "Each with its step (work order, kind, checklist item, round), the request (the messages added "
                    + "since the step's previous call) and the answer (text and tool calls) with the provider's key cut out, "
                    + "the tokens and the time it took, or why it failed; page on with after (the last id read).")
    public List<ModelExchangeView> transcript(@PathParam("id") long id, @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                                              @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return transcripts.of(id, after, limit).stream().map(ModelExchangeView::of).toList();
    }

    @POST
    @Path("/{id}/replay")
    @RequiresPermission(Permission.TASK_CREATE)
    @Operation(summary = "Replay the task's recorded run as a new task, without any model",
            description = "The new task has the original's title, prompt and project; each of its steps is answered with "
                    + "the original's recorded answers for that step, its tools running for real, and it passes the same "
                    + "gates. 409 when the original has no completed step to replay.")
    @Audited("task.replay")
    public Response replay(@PathParam("id") long id, @Context UriInfo uri) {
        TaskView created = TaskView.of(tasks.replay(id, caller.name()));
        return Response.created(uri.getBaseUriBuilder().path("tasks").path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    private static TaskStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return TaskStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Problems.response(400, "malformed-request", "Malformed request", "status must be one of "
                    + java.util.Arrays.toString(TaskStatus.values()) + " (was '" + Abbreviation.of(status, 40) + "')"));
        }
    }
}
