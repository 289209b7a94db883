package dev.helix.web.portal;

import dev.helix.agents.model.Agent;
import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import dev.helix.identity.model.Permission;
import dev.helix.tasks.model.AgentProgress;
import dev.helix.tasks.model.NewTask;
import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The fleet dashboard: agents with their status, tasks by state, and what each working agent does now. */
@Named
@RequestScoped
public class FleetDashboard {

    /** One column of the task board. */
    public record Column(TaskStatus status, long count) {
    }

    @Inject
    TaskService tasks;

    @Inject
    AgentPool pool;

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

    private String title;
    private String prompt;
    private Priority priority = Priority.MEDIUM;
    private boolean justDoIt;
    private List<AgentProgress> live;
    private PoolStatistics statistics;

    public List<Agent> getAgents() {
        return pool.agents();
    }

    /** Read once per request: the page shows several of its figures. */
    public PoolStatistics getPool() {
        if (statistics == null) {
            statistics = pool.statistics();
        }
        return statistics;
    }

    public List<Column> getBoard() {
        return tasks.countsByStatus().entrySet().stream().map(e -> new Column(e.getKey(), e.getValue())).toList();
    }

    public List<Task> getRecentTasks() {
        return tasks.tasks(null, 0, 20);
    }

    public List<AgentProgress> getLiveProgress() {
        if (live == null) {
            live = tasks.liveProgress();
        }
        return live;
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public boolean isMayCreate() {
        return caller.may(Permission.TASK_CREATE);
    }

    @Audited("task.create")
    public void create() {
        if (!permission.granted(Permission.TASK_CREATE, "Creating tasks")) {
            return;
        }
        messages.attempt(() -> {
            Task task = tasks.create(new NewTask(title, prompt, priority, justDoIt, null),
                    faces.getExternalContext().getRemoteUser());
            audit.target("/api/v1/tasks/" + task.getId());
            messages.done("Task " + task.getId() + " created: " + task.getTitle());
            title = null;
            prompt = null;
        });
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public boolean isJustDoIt() {
        return justDoIt;
    }

    public void setJustDoIt(boolean justDoIt) {
        this.justDoIt = justDoIt;
    }
}
