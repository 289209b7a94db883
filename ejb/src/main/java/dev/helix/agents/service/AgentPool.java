package dev.helix.agents.service;

import dev.helix.agents.model.Agent;
import dev.helix.agents.model.AgentSession;
import dev.helix.agents.model.AgentStatus;
import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.model.WorkTotals;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.Names;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pool of agent instances: allocates an agent to a task by capability (preferring the agent that
 * already worked on the task, so its session history carries over), grows up to a per-role limit,
 * releases agents, credits them with the tasks reviewers accept, stops idle ones and reports statistics. A claim
 * is an atomic conditional update, so two workers never take the same agent.
 */
@Stateless
public class AgentPool {

    /** The statuses of agents that may be given a task: idle ones, and FAILED ones, which are tried again. */
    private static final List<AgentStatus> READY = List.of(AgentStatus.IDLE, AgentStatus.FAILED);
    /** The statuses an agent is claimed from; a STOPPED one is revived by being given a task. */
    private static final List<AgentStatus> CLAIMABLE = List.of(AgentStatus.IDLE, AgentStatus.FAILED, AgentStatus.STOPPED);
    private static final int MAX_REASON = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AgentGallery gallery;

    @Inject
    AuditTrail audit;

    @Inject
    Event<FleetEvent> events;

    @Inject
    @ConfigProperty(name = "helix.agents.max-per-role", defaultValue = "4")
    int maxPerRole;

    @Inject
    @ConfigProperty(name = "helix.agents.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    public List<Agent> agents() {
        return em.createQuery("SELECT a FROM Agent a ORDER BY a.id", Agent.class).getResultList();
    }

    public Agent agent(long id) {
        Agent agent = em.find(Agent.class, id);
        if (agent == null) {
            throw new NotFoundException("Agent", id);
        }
        return agent;
    }

    /** Adds an idle agent of a gallery role to the pool. */
    public Agent spawn(String role, String name) {
        Names.require("name", name);
        gallery.profile(role);
        Instant now = Instant.now();
        long count = em.createQuery("SELECT COUNT(a) FROM Agent a WHERE a.role = :role", Long.class)
                .setParameter("role", role).getSingleResult();
        Agent agent = new Agent(name == null || name.isBlank() ? role + "-" + (count + 1) : name.strip(), role, now);
        em.persist(agent);
        em.flush();
        announce(agent);
        return agent;
    }

    /** Renames an agent and, optionally, stops it or brings a stopped or failed one back to IDLE. */
    public Agent update(long id, String name, AgentStatus status) {
        Agent agent = agent(id);
        if (name != null && !name.isBlank()) {
            agent.rename(Names.require("name", name).strip());
        }
        if (status != null && status != agent.getStatus()) {
            if (status != AgentStatus.IDLE && status != AgentStatus.STOPPED) {
                throw new InvalidInputException("An agent can only be set to IDLE or STOPPED; the pool sets the others");
            }
            if (agent.getStatus() == AgentStatus.WORKING) {
                throw new ConflictException("Agent " + id + " is working on task " + agent.getCurrentTaskId()
                        + "; cancel the task or wait for it");
            }
            agent.changeStatus(status, Instant.now());
            announce(agent);
        }
        return agent;
    }

    public void remove(long id) {
        Agent agent = agent(id);
        if (agent.getStatus() == AgentStatus.WORKING) {
            throw new ConflictException("Agent " + id + " is working on task " + agent.getCurrentTaskId());
        }
        // Every task an agent was given opened a session (allocate), so its sessions are its whole history.
        long history = em.createQuery("SELECT COUNT(s) FROM AgentSession s WHERE s.agentId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (history > 0) {
            throw new ConflictException("Agent " + id + " has worked on tasks and keeps their history; stop it instead");
        }
        em.remove(agent);
    }

    /**
     * Claims an agent with the capability for a task and opens a session for the phase; empty when every
     * such agent is busy and the pool is at its limit.
     */
    public Optional<Agent> allocate(long taskId, String capability, Long preferredAgentId, String phase) {
        Agent preferred = preferredAgentId == null ? null : em.find(Agent.class, preferredAgentId);
        if (preferred != null && preferred.getStatus() == AgentStatus.WORKING
                && Long.valueOf(taskId).equals(preferred.getCurrentTaskId())
                && gallery.profile(preferred.getRole()).hasCapability(capability)) {
            return Optional.of(preferred);
        }
        List<String> roles = gallery.rolesWith(capability);
        if (roles.isEmpty()) {
            throw new InvalidInputException("No agent profile has the capability '" + capability + "'");
        }
        List<Long> candidates = new ArrayList<>();
        if (preferred != null && roles.contains(preferred.getRole())) {
            candidates.add(preferredAgentId);
        }
        candidates.addAll(em.createQuery("SELECT a.id FROM Agent a WHERE a.role IN :roles AND a.status IN :ready "
                        + "ORDER BY a.lastActiveAt", Long.class)
                .setParameter("roles", roles).setParameter("ready", READY)
                .setMaxResults(8).getResultList());
        Instant now = Instant.now();
        for (Long id : candidates) {
            int claimed = em.createQuery("UPDATE Agent a SET a.status = :working, a.currentTaskId = :task, "
                            + "a.lastActiveAt = :now, a.lastHeartbeatAt = :now, a.version = a.version + 1 "
                            + "WHERE a.id = :id AND a.status IN :free")
                    .setParameter("working", AgentStatus.WORKING).setParameter("task", taskId)
                    .setParameter("now", now).setParameter("id", id)
                    .setParameter("free", CLAIMABLE)
                    .executeUpdate();
            if (claimed == 1) {
                Agent agent = em.find(Agent.class, id);
                em.refresh(agent);
                return Optional.of(startSession(agent, taskId, phase, now));
            }
        }
        for (String role : roles) {
            long live = em.createQuery("SELECT COUNT(a) FROM Agent a WHERE a.role = :role AND a.status <> :stopped", Long.class)
                    .setParameter("role", role).setParameter("stopped", AgentStatus.STOPPED).getSingleResult();
            if (live < maxPerRole) {
                Agent agent = spawn(role, null);
                agent.assignTo(taskId, now);
                return Optional.of(startSession(agent, taskId, phase, now));
            }
        }
        return Optional.empty();
    }

    private Agent startSession(Agent agent, long taskId, String phase, Instant now) {
        em.persist(new AgentSession(agent.getId(), taskId, phase, now));
        announce(agent);
        return agent;
    }

    /** Counts tokens its model spent on a step that did not finish, for an agent that may have been removed meanwhile. */
    public void spend(long agentId, long tokens) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent != null) {
            agent.spend(tokens);
        }
    }

    /** Like {@link #recordStep(Agent, long, String, long)}, for an agent that may have been removed meanwhile. */
    public void recordStep(long agentId, long taskId, String line, long tokens) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent != null) {
            recordStep(agent, taskId, line, tokens);
        }
    }

    /** Appends a line to the agent's open session on the task and counts the step. */
    public void recordStep(Agent agent, long taskId, String line, long tokens) {
        Instant now = Instant.now();
        agent.recordStep(tokens, now);
        openSession(agent.getId(), taskId).ifPresent(s -> s.append(now + " " + line));
    }

    /**
     * Credits the agent with a task a reviewer accepted. The agent is usually at work on another task by then, its
     * row updated at every step; an increment in the database, outside the agent's version, is no concurrent change
     * to the agent's steps (the two only take turns on the row's lock), so the reviewer's decision does not fail.
     */
    public void creditCompletedTask(long agentId) {
        em.createQuery("UPDATE Agent a SET a.tasksCompleted = a.tasksCompleted + 1 WHERE a.id = :id")
                .setParameter("id", agentId).executeUpdate();
    }

    /** The agents working now, by id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Agent> working() {
        return em.createQuery("SELECT a FROM Agent a WHERE a.status = :working ORDER BY a.id", Agent.class)
                .setParameter("working", AgentStatus.WORKING).getResultList();
    }

    /** Counts a failed task against the agent and releases it, when the agent is still on that task. */
    public void giveUpTask(long agentId, long taskId) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent != null && Long.valueOf(taskId).equals(agent.getCurrentTaskId())) {
            agent.recordTaskFailed();
            release(agentId, taskId, "FAILED");
        }
    }

    /**
     * Takes the agent off the task as FAILED, with the reason (e.g. its provider's circuit is open). The task goes on
     * with whichever agent is free when it is tried again; a FAILED agent is one of them, and works again when it is.
     */
    public void fail(long agentId, long taskId, String reason) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent == null || !Long.valueOf(taskId).equals(agent.getCurrentTaskId())) {
            return;
        }
        Instant now = Instant.now();
        openSession(agentId, taskId).ifPresent(s -> s.end("FAILED", now));
        agent.fail(Abbreviation.of(reason, MAX_REASON), now);
        announce(agent);
    }

    /** Ends the agent's session on the task and makes the agent IDLE again. */
    public void release(long agentId, long taskId, String outcome) {
        Agent agent = em.find(Agent.class, agentId);
        if (agent == null || !Long.valueOf(taskId).equals(agent.getCurrentTaskId())) {
            return;
        }
        Instant now = Instant.now();
        openSession(agentId, taskId).ifPresent(s -> s.end(outcome, now));
        agent.release(AgentStatus.IDLE, now);
        announce(agent);
    }

    /** The running totals of steps completed and tokens spent, over every agent ever started. */
    public WorkTotals workTotals() {
        Object[] row = em.createQuery("SELECT SUM(a.stepsCompleted), SUM(a.tokensUsed) FROM Agent a", Object[].class)
                .getSingleResult();
        return new WorkTotals(sum(row[0]), sum(row[1]));
    }

    /** A SUM's value: null (no agents yet) is 0. */
    private static long sum(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    public List<AgentSession> sessions(long agentId) {
        return em.createQuery("SELECT s FROM AgentSession s WHERE s.agentId = :id ORDER BY s.id", AgentSession.class)
                .setParameter("id", agentId).getResultList();
    }

    /** Stops every agent idle for longer than the configured timeout; returns how many were stopped. */
    public int stopIdleAgents() {
        return stopIdleAgents(idleTimeout).size();
    }

    /** Stops every agent idle for longer than {@code limit}; returns them. */
    public List<Agent> stopIdleAgents(Duration limit) {
        Instant now = Instant.now();
        List<Agent> idle = idleFor(limit);
        idle.forEach(agent -> {
            agent.changeStatus(AgentStatus.STOPPED, now);
            announce(agent);
            audit.record(AuditEntry.system("agent.stop-idle", "/api/v1/agents/" + agent.getId(), "idle for longer than " + limit));
        });
        return idle;
    }

    /** The agents idle for longer than {@code limit}, oldest id first. */
    public List<Agent> idleFor(Duration limit) {
        return em.createQuery("SELECT a FROM Agent a WHERE a.status = :idle AND a.lastActiveAt < :cutoff ORDER BY a.id", Agent.class)
                .setParameter("idle", AgentStatus.IDLE).setParameter("cutoff", Instant.now().minus(limit)).getResultList();
    }

    public PoolStatistics statistics() {
        Map<AgentStatus, Long> byStatus = new EnumMap<>(AgentStatus.class);
        for (AgentStatus status : AgentStatus.values()) {
            byStatus.put(status, 0L);
        }
        for (Object[] row : em.createQuery("SELECT a.status, COUNT(a) FROM Agent a GROUP BY a.status", Object[].class).getResultList()) {
            byStatus.put((AgentStatus) row[0], (Long) row[1]);
        }
        Map<String, Long> byRole = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT a.role, COUNT(a) FROM Agent a GROUP BY a.role ORDER BY a.role", Object[].class).getResultList()) {
            byRole.put((String) row[0], (Long) row[1]);
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long live = total - byStatus.get(AgentStatus.STOPPED) - byStatus.get(AgentStatus.FAILED);
        double utilisation = live == 0 ? 0.0 : (double) byStatus.get(AgentStatus.WORKING) / live;
        return new PoolStatistics((int) total, byStatus, byRole, utilisation);
    }

    private Optional<AgentSession> openSession(long agentId, long taskId) {
        return em.createQuery("SELECT s FROM AgentSession s WHERE s.agentId = :a AND s.taskId = :t AND s.endedAt IS NULL",
                        AgentSession.class)
                .setParameter("a", agentId).setParameter("t", taskId).getResultStream().findFirst();
    }

    private void announce(Agent agent) {
        events.fire(new FleetEvent(FleetEvent.Type.AGENT_STATUS_CHANGED, agent.getCurrentTaskId(), agent.getId(),
                agent.getStatus().name(), agent.getName(), Instant.now()));
    }
}
