package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.memory.model.TaskRecall;
import dev.helix.memory.service.Memories;
import dev.helix.tasks.model.Approval;
import dev.helix.tasks.model.ChecklistProgress;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskTransition;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/**
 * A task's page: its three documents, checklist progress, history, the memories recalled into its context,
 * approvals and the gate buttons.
 */
@Named
@RequestScoped
public class TaskPage {

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

    private Long id;
    private String comment;
    private Task task;

    public Task getTask() {
        if (task == null && id != null) {
            task = messages.read(() -> tasks.task(id)).orElse(null);
        }
        return task;
    }

    public ChecklistProgress getProgress() {
        return tasks.progress(id);
    }

    public List<TaskTransition> getHistory() {
        return tasks.history(id);
    }

    /** The memories recalled into the task's context when an agent started it. */
    public List<TaskRecall> getRecalled() {
        return memories.recalledBy(id);
    }

    public List<Approval> getApprovals() {
        return tasks.approvals(id);
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

    private void decide(Decision decision) {
        if (!permission.granted(Permission.TASK_DECIDE, "Deciding gates")) {
            return;
        }
        Task current = getTask();
        Gate gate = current.getStatus() == Gate.SPEC.reviewState() ? Gate.SPEC : Gate.IMPLEMENTATION;
        messages.attempt(() -> {
            task = tasks.decide(id, gate, decision, comment, faces.getExternalContext().getRemoteUser());
            audit.target("/api/v1/tasks/" + id);
            audit.change(Map.of("status", current.getStatus().name()), Map.of("status", task.getStatus().name()));
            messages.done(gate + " " + decision.name().toLowerCase() + "d");
            comment = null;
        });
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
