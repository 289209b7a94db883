package dev.helix.web.api.tasks;

import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.NewTask;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.service.MergeConflictException;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The changes a caller makes to tasks, each with its audit record (and the status before and after): one place for
 * every interface that offers them, REST and SOAP alike. The caller's permission is checked by the interface.
 */
@ApplicationScoped
public class TaskChanges {

    @Inject
    TaskService tasks;

    @Inject
    AuditContext audit;

    @Inject
    Caller caller;

    @Audited("task.create")
    public Task create(NewTask task) {
        Task created = tasks.create(task, caller.name());
        audit.target("/api/v1/tasks/" + created.getId());
        return created;
    }

    /** Approves or rejects a gate; a rejection that could not merge still sends the task back, and says so. */
    @Audited("task.decide")
    public Task decide(long id, Gate gate, Decision decision, String comment) {
        String before = tasks.task(id).getStatus().name();
        try {
            Task decided = tasks.decide(id, gate, decision, comment, caller.name());
            audit.change(Map.of("status", before), Map.of("status", decided.getStatus().name()));
            return decided;
        } catch (MergeConflictException e) {
            audit.change(Map.of("status", before), Map.of("status", tasks.task(id).getStatus().name()));
            throw e;
        }
    }

    @Audited("task.cancel")
    public Task cancel(long id) {
        String before = tasks.task(id).getStatus().name();
        Task cancelled = tasks.cancel(id, caller.name());
        audit.change(Map.of("status", before), Map.of("status", cancelled.getStatus().name()));
        return cancelled;
    }
}
