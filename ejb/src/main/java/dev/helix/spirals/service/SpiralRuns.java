package dev.helix.spirals.service;

import dev.helix.shared.error.ConflictException;
import dev.helix.runs.model.RunEnded;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.MalformedJsonException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.runs.model.RunQueued;
import dev.helix.runs.model.RunStatus;
import dev.helix.runs.model.StopRequested;
import dev.helix.spirals.model.JsonValues;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.SpiralRunStep;
import dev.helix.spirals.model.definition.TriggerType;
import dev.helix.spirals.model.WebhookRefusedException;
import dev.helix.spirals.model.WebhookSignature;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs of spirals: started by hand, by a signed webhook, by a domain event or by a schedule; read, stopped and
 * restarted. A run is queued in the transaction of what started it (so a run exists exactly when its cause
 * happened) and its batch job starts once that transaction has committed ({@code RunLauncher}); a restart is
 * queued the same way. Each trigger occurrence has a key, unique per spiral: an event, a webhook delivery or a
 * scheduled minute starts one run.
 */
@Stateless
public class SpiralRuns {

    private static final Logger LOG = Logger.getLogger(SpiralRuns.class.getName());
    private static final String ERROR_KEY = "error:";

    @PersistenceContext
    EntityManager em;

    @Inject
    SpiralCatalog catalog;

    @Inject
    SpiralDefinitions definitions;

    @Inject
    Event<RunQueued> queued;

    @Inject
    Event<StopRequested> stopRequests;

    @Inject
    Event<RunEnded> ended;

    /** Starts a run by hand with an optional JSON object as its {@code input}. */
    public SpiralRun startManually(long spiralId, String inputJson, String actor) {
        Map<String, Object> input = JsonValues.inputObject(inputJson);
        return queue(catalog.spiral(spiralId), TriggerType.MANUAL, "manual:" + UUID.randomUUID(), input, actor);
    }

    /**
     * Starts a run for an inbound webhook whose body is signed with the spiral's secret (else 401 and nothing
     * starts). A delivery id, when the sender gives one, makes a repeated delivery return the first run.
     */
    public SpiralRun receiveWebhook(long spiralId, byte[] body, String signature, String deliveryId) {
        Spiral spiral = em.find(Spiral.class, spiralId);
        if (spiral == null || spiral.isDeleted() || spiral.getTriggerType() != TriggerType.WEBHOOK
                || !WebhookSignature.verify(catalog.secret(spiralId), body, signature)) {
            throw new WebhookRefusedException();
        }
        if (deliveryId == null || deliveryId.isBlank()) {
            return queue(spiral, TriggerType.WEBHOOK, "webhook:" + UUID.randomUUID(), payload(body), "webhook");
        }
        // Deliveries with an id take turns per spiral, so two copies of one delivery arriving together start one run.
        em.lock(spiral, LockModeType.PESSIMISTIC_WRITE);
        String key = "webhook:" + deliveryId.strip();
        return existing(spiralId, key).orElseGet(() -> queue(spiral, TriggerType.WEBHOOK, key, payload(body), "webhook"));
    }

    /**
     * Starts the EVENT spirals whose filter the event matches, in the transaction of the change the event is
     * about: one run per spiral and event (the key names the event's time). A spiral whose stored definition can
     * no longer be read is skipped and logged, never allowed to fail the change.
     */
    public void onEvent(FleetEvent event, Map<String, String> fields) {
        String key = "event:" + event.type() + ":" + String.join(":", fields.values()) + ":" + event.at();
        for (Spiral spiral : catalog.triggeredBy(TriggerType.EVENT)) {
            try {
                if (definitions.of(catalog.current(spiral.getId())).trigger().matches(event.type().name(), fields)
                        && existing(spiral.getId(), key).isEmpty()) {
                    Map<String, Object> input = new LinkedHashMap<>(fields);
                    input.put("event", event.type().name());
                    queue(spiral, TriggerType.EVENT, key, input, "event");
                }
            } catch (InvalidInputException e) {
                LOG.log(Level.WARNING, "Spiral " + spiral.getId() + " was not triggered: its definition cannot be read", e);
            }
        }
    }

    /** Starts a CRON spiral for a scheduled minute (once, whichever server's timer fired). */
    public void onSchedule(long spiralId, Instant minute) {
        Spiral spiral = em.find(Spiral.class, spiralId);
        if (spiral != null && !spiral.isDeleted() && spiral.getTriggerType() == TriggerType.CRON) {
            String key = "cron:" + minute;
            if (existing(spiralId, key).isEmpty()) {
                queue(spiral, TriggerType.CRON, key, Map.of("scheduledFor", minute.toString()), "schedule");
            }
        }
    }

    /**
     * Starts an error spiral for a run that failed at a step; not for a run that was itself started by an error
     * spiral, so error spirals that fail (or name themselves) never start one another without end.
     */
    public void startErrorSpiral(long errorSpiralId, SpiralRun failed, String stepId, String error) {
        if (failed.getTriggerKey() != null && failed.getTriggerKey().startsWith(ERROR_KEY)) {
            return;
        }
        Spiral spiral = em.find(Spiral.class, errorSpiralId);
        String key = ERROR_KEY + failed.getId() + ":" + stepId + ":" + failed.getBatchExecutionId();
        if (spiral != null && !spiral.isDeleted() && existing(errorSpiralId, key).isEmpty()) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("failedRun", failed.getId());
            input.put("spiral", failed.getSpiralId());
            input.put("step", stepId);
            input.put("error", error);
            queue(spiral, TriggerType.MANUAL, key, input, "spiral:" + failed.getSpiralId());
        }
    }

    /** Queues a failed or stopped run to restart from the step where it ended (a new execution of its batch job). */
    public SpiralRun restart(long spiralId, long runId) {
        SpiralRun run = run(spiralId, runId);
        if (!run.getStatus().restartable()) {
            throw new ConflictException("Run " + runId + " is " + run.getStatus() + "; only FAILED or STOPPED runs can be restarted");
        }
        run.requeue();
        queued.fire(new RunQueued(SpiralRun.class, runId));
        return run;
    }

    /**
     * Asks a run to stop after its current step (a wait ends at once); a run not yet started stops at once. The run
     * is read locked, so a stop waits for the launcher's or the executor's commit on it instead of failing with a
     * concurrent change.
     */
    public SpiralRun stop(long spiralId, long runId) {
        SpiralRun run = run(spiralId, runId, LockModeType.PESSIMISTIC_WRITE);
        if (!run.getStatus().stoppable()) {
            throw new ConflictException("Run " + runId + " is " + run.getStatus() + " and cannot be stopped");
        }
        if (run.getStatus() == RunStatus.RUNNING) {
            run.changeStatus(RunStatus.STOPPING);
            stopRequests.fire(new StopRequested(run.getBatchExecutionId()));
        } else {
            ended.fire(run.end(RunStatus.STOPPED, "stopped before it started", Instant.now()));
        }
        return run;
    }

    public SpiralRun run(long spiralId, long runId) {
        return run(spiralId, runId, LockModeType.NONE);
    }

    private SpiralRun run(long spiralId, long runId, LockModeType lock) {
        SpiralRun run = em.find(SpiralRun.class, runId, lock);
        if (run == null || run.getSpiralId() != spiralId) {
            throw new NotFoundException("Run", runId);
        }
        return run;
    }

    /** A spiral's newest runs, newest first. */
    public List<SpiralRun> runs(long spiralId, int limit) {
        catalog.spiral(spiralId);
        return em.createQuery("SELECT r FROM SpiralRun r WHERE r.spiralId = :id ORDER BY r.id DESC", SpiralRun.class)
                .setParameter("id", spiralId).setMaxResults(limit).getResultList();
    }

    public List<SpiralRunStep> steps(long runId) {
        return em.createQuery("SELECT s FROM SpiralRunStep s WHERE s.runId = :id ORDER BY s.position", SpiralRunStep.class)
                .setParameter("id", runId).getResultList();
    }

    private SpiralRun queue(Spiral spiral, TriggerType trigger, String key, Map<String, Object> input, String actor) {
        SpiralRun run = new SpiralRun(spiral.getId(), spiral.getCurrentVersion(), trigger, key, actor, Instant.now());
        em.persist(run);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("input", input);
        variables.put("run", Map.of("id", run.getId(), "spiral", spiral.getId(), "version", spiral.getCurrentVersion(),
                "trigger", trigger.name()));
        run.advance(0, JsonValues.toJson(variables).toString());
        queued.fire(new RunQueued(SpiralRun.class, run.getId()));
        return run;
    }

    private Optional<SpiralRun> existing(long spiralId, String key) {
        return em.createQuery("SELECT r FROM SpiralRun r WHERE r.spiralId = :id AND r.triggerKey = :key", SpiralRun.class)
                .setParameter("id", spiralId).setParameter("key", key).getResultStream().findFirst();
    }

    private static Map<String, Object> payload(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return JsonValues.inputObject(text);
        } catch (MalformedJsonException | InvalidInputException notAnObject) {
            return Map.of("body", text);
        }
    }
}
