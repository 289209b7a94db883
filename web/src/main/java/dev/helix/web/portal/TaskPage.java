package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.memory.model.TaskRecall;
import dev.helix.memory.service.Memories;
import dev.helix.projects.model.BranchChanges;
import dev.helix.projects.model.SpecsCommit;
import dev.helix.tasks.model.Approval;
import dev.helix.tasks.model.ChecklistProgress;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskTransition;
import dev.helix.tasks.model.ToolCall;
import dev.helix.tasks.service.MergeConflictException;
import dev.helix.tasks.service.TaskActivity;
import dev.helix.tasks.service.TaskGitHistory;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's page: its three documents, checklist progress, history, the memories recalled into its context,
 * approvals and the gate buttons; for a task of a project also its documents' commits, its branch's changes with the
 * diff, and its agents' tool calls. It reads the task afresh on every request (the fleet's events refresh it live);
 * what must last between the page's requests, the task's id and the gate it offers a decision on, is kept in the
 * page's view, so every postback knows them before Faces decides which of the page's parts take part in it.
 */
@Named
@RequestScoped
public class TaskPage {

    private static final String TASK_ID = TaskPage.class.getName() + ".id";
    private static final String OFFERED_GATE = TaskPage.class.getName() + ".gate";
    private static final String SHOWN_COMMIT = TaskPage.class.getName() + ".commit";
    /** The part of the page that holds the decision form. */
    private static final String DECISION = "decision";

    @Inject
    TaskService tasks;

    @Inject
    Memories memories;

    @Inject
    FacesContext faces;

    @Inject
    Caller caller;

    @Inject
    AuditContext audit;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    TaskGitHistory git;

    @Inject
    TaskActivity activity;

    private String comment;
    private Task task;
    private boolean read;
    private Optional<BranchChanges> changes;

    /** One line of a unified diff and how to show it: {@code add}, {@code del}, {@code hunk}, {@code file} or {@code same}. */
    public record DiffLine(String text, String kind) {
    }

    /** The task, read once per request; {@code null}, with a warning on the page, when it cannot be read. */
    public Task getTask() {
        Long id = getId();
        if (!read && id != null) {
            read = true;
            task = messages.read(() -> tasks.task(id)).orElse(null);
        }
        return task;
    }

    public ChecklistProgress getProgress() {
        return tasks.progress(getId());
    }

    public List<TaskTransition> getHistory() {
        return tasks.history(getId());
    }

    /** The memories recalled into the task's context when an agent started it. */
    public List<TaskRecall> getRecalled() {
        return memories.recalledBy(getId());
    }

    /** What the task's branch changes, or {@code null} for a task in no project or whose agent has not started. */
    public BranchChanges getChanges() {
        if (changes == null) {
            changes = getTask() == null ? Optional.empty() : messages.read(() -> git.changesSoFar(task)).flatMap(c -> c);
        }
        return changes.orElse(null);
    }

    public List<DiffLine> getDiffLines() {
        BranchChanges current = getChanges();
        return current == null ? List.of() : current.diff().lines().map(TaskPage::diffLine).toList();
    }

    /** The tool calls of the task's agents, oldest first (the first 500; the API pages through all). */
    public List<ToolCall> getActivity() {
        return activity.of(getId(), 0, 500);
    }

    /** The commits of the task's documents on its project's {@code helix-specs} branch, newest first. */
    public List<SpecsCommit> getDocumentCommits() {
        return getTask() == null ? List.of() : messages.read(() -> git.historySoFar(task)).orElse(List.of());
    }

    /** Shows what a commit of the task's documents changed. */
    public void showDocumentChanges(String commit) {
        view().put(SHOWN_COMMIT, commit);
    }

    /** The commit whose changes to the documents the page shows, or {@code null}. */
    public String getShownCommit() {
        return (String) view().get(SHOWN_COMMIT);
    }

    /** What the shown commit changed in the task's documents, line by line; empty when none is shown. */
    public List<DiffLine> getDocumentDiffLines() {
        String commit = getShownCommit();
        return commit == null ? List.of() : messages.read(() -> git.documentChanges(getId(), commit))
                .map(diff -> diff.lines().map(TaskPage::diffLine).toList()).orElse(List.of());
    }

    private static DiffLine diffLine(String line) {
        String kind = line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff --git") ? "file"
                : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "same";
        return new DiffLine(line, kind);
    }

    public List<Approval> getApprovals() {
        return tasks.approvals(getId());
    }

    public boolean isMayDecide() {
        return caller.may(Permission.TASK_DECIDE);
    }

    @Audited("task.decide")
    public void approve() {
        decide(Decision.APPROVE);
    }

    @Audited("task.decide")
    public void reject() {
        decide(Decision.REJECT);
    }

    /** The gate the page offers a decision on, as it last drew its decision form; {@code null}: none. */
    public Gate getGate() {
        return (Gate) view().get(OFFERED_GATE);
    }

    /**
     * Before the page renders: the gate the task waits at now is the one offered. A live refresh draws the decision
     * form again only when that gate changed, so a comment being written survives the fleet's other events.
     */
    public void offerGate() {
        Gate awaited = getTask() == null ? null : Gate.awaitedIn(task.getStatus()).orElse(null);
        if (awaited == getGate()) {
            return;
        }
        if (awaited == null) {
            view().remove(OFFERED_GATE);
        } else {
            view().put(OFFERED_GATE, awaited);
        }
        PartialViewContext partial = faces.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.getRenderIds().contains(DECISION)) {
            partial.getRenderIds().add(DECISION);
        }
    }

    /** Decides the gate the page offered, not whichever the task may have reached meanwhile. */
    private void decide(Decision decision) {
        if (!permission.granted(Permission.TASK_DECIDE, "Deciding gates")) {
            return;
        }
        Gate gate = getGate();
        Task current = getTask();
        audit.target("/api/v1/tasks/" + current.getId());
        messages.attempt(() -> {
            try {
                task = tasks.decide(current.getId(), gate, decision, comment, faces.getExternalContext().getRemoteUser());
            } catch (MergeConflictException e) {
                // The approval failed, but the task's way back to its agent stands: recorded as the API records it.
                audit.change(Map.of("status", current.getStatus().name()), Map.of("status", tasks.task(current.getId()).getStatus().name()));
                audit.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
            audit.change(Map.of("status", current.getStatus().name()), Map.of("status", task.getStatus().name()));
            messages.done(gate + (decision == Decision.APPROVE ? " approved" : " rejected"));
            comment = null;
        });
    }

    public Long getId() {
        return (Long) view().get(TASK_ID);
    }

    public void setId(Long id) {
        view().put(TASK_ID, id);
    }

    private Map<String, Object> view() {
        return faces.getViewRoot().getViewMap();
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
