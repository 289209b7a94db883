package dev.helix.tasks.service;

import dev.helix.agents.model.Agent;
import dev.helix.agents.service.AgentPool;
import dev.helix.projects.model.MergeOutcome;
import dev.helix.projects.model.Project;
import dev.helix.projects.service.Projects;
import dev.helix.projects.service.TaskWorktrees;
import dev.helix.providers.model.ItemRequest;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.tasks.model.AgentProgress;
import dev.helix.tasks.model.Approval;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.ChecklistProgress;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.NewTask;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskLifecycle;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.TaskTransition;
import dev.helix.tasks.internal.TaskProgression;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.EnumMap;

/**
 * What people do with tasks: create them, decide their gates, cancel them, and read them. Every state
 * change and the work order it causes commit together in one transaction.
 */
@Stateless
public class TaskService {

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskProgression progression;

    @Inject
    AgentPool pool;

    @Inject
    Projects projects;

    @Inject
    TaskWorktrees worktrees;

    @Inject
    ModelTranscripts transcripts;

    public Task create(NewTask request, String actor) {
        if (request.projectId() != null && !projects.exists(request.projectId())) {
            throw new InvalidInputException("projectId " + request.projectId() + " names no project");
        }
        return start(new Task(request.title().strip(), request.prompt().strip(), request.priority(), request.justDoIt(),
                request.projectId(), actor, Instant.now()), actor);
    }

    /**
     * A new task like the original (title, prompt, priority, project) whose steps are answered with the original's
     * recorded model answers, in order, without any model: its tools run for real, so it reaches the original's
     * documents and, from the same default branch, the same changes. It passes the same gates as any task.
     */
    public Task replay(long originalId, String actor) {
        Task original = task(originalId);
        if (!original.getStatus().isTerminal() && Gate.awaitedIn(original.getStatus()).isEmpty()) {
            throw new ConflictException("Task " + originalId + " is still being worked on (" + original.getStatus()
                    + "); replay it once it waits at a gate or has ended, so its recording is whole");
        }
        if (!transcripts.hasCompletedSteps(originalId)) {
            throw new ConflictException("Task " + originalId + " has no recorded model answers to replay: none of its "
                    + "steps was completed by a model yet");
        }
        if (original.getProjectId() != null && !projects.exists(original.getProjectId())) {
            throw new ConflictException("Task " + originalId + "'s project was removed; its run cannot be replayed");
        }
        Task replay = new Task(original.getTitle(), original.getPrompt(), original.getPriority(), original.isJustDoIt(),
                original.getProjectId(), actor, Instant.now());
        replay.replay(original);
        return start(replay, actor);
    }

    private Task start(Task task, String actor) {
        Instant now = task.getCreatedAt();
        em.persist(task);
        em.flush();
        em.persist(TaskLifecycle.created(task, actor, now));
        progression.dispatch(task, Duration.ZERO);
        progression.announce(task);
        progression.recordDocuments(task, actor, "Create task " + task.getId() + ": " + task.getTitle());
        return task;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Task task(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Task", id));
    }

    /** The task with this id, if there is one. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Task> find(long id) {
        return Optional.ofNullable(em.find(Task.class, id));
    }

    /** Tasks, newest first, optionally of one status. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Task> tasks(TaskStatus status, int offset, int limit) {
        TypedQuery<Task> query = status == null
                ? em.createQuery("SELECT t FROM Task t ORDER BY t.id DESC", Task.class)
                : em.createQuery("SELECT t FROM Task t WHERE t.status = :status ORDER BY t.id DESC", Task.class)
                        .setParameter("status", status);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * A reviewer approves or rejects the spec or the implementation. Approving the implementation of a task in a project
     * merges its branch into the default branch first; a merge that conflicts sends the task back to IMPLEMENTATION
     * with the conflict to resolve, and answers {@link MergeConflictException}.
     */
    public Task decide(long id, Gate gate, Decision decision, String comment, String actor) {
        Task task = task(id);
        boolean merges = gate == Gate.IMPLEMENTATION && decision == Decision.APPROVE && task.getProjectId() != null;
        if (merges) {
            // Held until this commits: a reject or cancel racing the merge waits, then finds the task decided.
            em.refresh(task, LockModeType.PESSIMISTIC_WRITE);
        }
        TaskStatus to = TaskLifecycle.outcomeOf(task, gate, decision);
        Instant now = Instant.now();
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (merges) {
            Project project = projects.find(task.getProjectId());
            MergeOutcome merge = worktrees.merge(project, id, task.getTitle(), actor);
            if (!merge.isMerged()) {
                sendBackWithConflict(task, project, merge.conflicts(), actor, now);
            }
            note = (note == null ? "" : note + " ") + "(merged into " + project.getDefaultBranch() + " as "
                    + merge.commit().substring(0, 10) + ")";
        }
        em.persist(new Approval(task.getId(), gate, decision, note, actor, now));
        if (gate == Gate.IMPLEMENTATION && decision == Decision.REJECT) {
            task.updatePlan(task.getPlan() + "\n- [ ] Rework after review" + (note == null ? "" : ": " + note.replace('\n', ' ')) + "\n");
        }
        progression.move(task, to, actor, gate + " " + decision + (note == null ? "" : ": " + note), now);
        if (to == TaskStatus.DONE) {
            if (task.getAgentId() != null) {
                pool.creditCompletedTask(task.getAgentId());
            }
        } else {
            progression.dispatch(task, Duration.ZERO);
        }
        return task;
    }

    private void sendBackWithConflict(Task task, Project project, List<String> paths, String actor, Instant now) {
        String files = String.join(", ", paths);
        task.updatePlan(task.getPlan() + "\n- [ ] " + ItemRequest.RESOLVE_CONFLICT + " with " + project.getDefaultBranch() + " in: " + files
                + " (the worktree holds the merge, with conflict markers)\n");
        progression.move(task, TaskStatus.IMPLEMENTATION, actor, "Approval could not merge: conflict with "
                + project.getDefaultBranch() + " in " + files, now);
        progression.dispatch(task, Duration.ZERO);
        throw new MergeConflictException("Task " + task.getId() + "'s branch conflicts with " + project.getDefaultBranch()
                + " in " + files + "; the task is back in IMPLEMENTATION for its agent to resolve the conflict", paths);
    }

    public Task cancel(long id, String actor) {
        Task task = task(id);
        if (task.getStatus().isTerminal()) {
            throw new ConflictException("Task " + id + " is already " + task.getStatus());
        }
        progression.move(task, TaskStatus.CANCELLED, actor, "cancelled", Instant.now());
        task.withdrawDispatch();
        if (task.getAgentId() != null) {
            pool.release(task.getAgentId(), task.getId(), "CANCELLED");
        }
        return task;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ChecklistProgress progress(long id) {
        return Checklist.parse(task(id).getPlan()).progress();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TaskTransition> history(long id) {
        task(id);
        return em.createQuery("SELECT t FROM TaskTransition t WHERE t.taskId = :id ORDER BY t.id", TaskTransition.class)
                .setParameter("id", id).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Approval> approvals(long id) {
        task(id);
        return em.createQuery("SELECT a FROM Approval a WHERE a.taskId = :id ORDER BY a.id", Approval.class)
                .setParameter("id", id).getResultList();
    }

    /**
     * Every working agent with its task and current checklist item. In a transaction of its own, not a local one: the
     * agents are read through another bean, and two local transactions in one call would share a connection.
     */
    public List<AgentProgress> liveProgress() {
        List<Agent> working = pool.working();
        if (working.isEmpty()) {
            return List.of();
        }
        Map<Long, Task> tasks = em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids", Task.class)
                .setParameter("ids", working.stream().map(Agent::getCurrentTaskId).toList()).getResultStream()
                .collect(Collectors.toMap(Task::getId, Function.identity()));
        return working.stream().filter(agent -> tasks.containsKey(agent.getCurrentTaskId())).map(agent -> {
            Task task = tasks.get(agent.getCurrentTaskId());
            return new AgentProgress(agent.getId(), agent.getName(), agent.getRole(), task.getId(), task.getTitle(),
                    task.getStatus(), Checklist.parse(task.getPlan()).progress());
        }).toList();
    }

    /** How many tasks are in each status, every status present (0 for none). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<TaskStatus, Long> countsByStatus() {
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : em.createQuery("SELECT t.status, COUNT(t) FROM Task t GROUP BY t.status", Object[].class).getResultList()) {
            counts.put((TaskStatus) row[0], (Long) row[1]);
        }
        return counts;
    }
}
