package dev.helix.rituals.service;

import dev.helix.rituals.model.Ritual;
import dev.helix.rituals.model.RitualAnalytics;
import dev.helix.rituals.model.RitualChange;
import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunStage;
import dev.helix.runs.model.RunStatus;
import dev.helix.scheduling.service.Schedules;
import dev.helix.shared.error.ConflictException;
import dev.helix.scheduling.model.CronSchedule;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import dev.helix.runs.model.RunQueued;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rituals: their schedules (persistent timers), runs (each a batch job execution of {@code ritual-run}),
 * history and analytics. Built-in rituals keep their stages; custom rituals are composed from registered stages.
 */
@Stateless
public class Rituals {

    /** The step counts a Z-88-style ritual runs for. */
    public static final Set<Integer> STEP_COUNTS = Set.of(27, 54, 108, 216);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int ANALYTICS_WINDOW = 20;
    /** The prefix of rituals' schedule keys. */
    public static final String KEY_PREFIX = "ritual:";

    @PersistenceContext
    EntityManager em;

    @Inject
    RitualStages stages;

    @Inject
    Schedules schedules;

    @Inject
    Event<RunQueued> queued;

    public List<Ritual> rituals() {
        return em.createQuery("SELECT r FROM Ritual r ORDER BY r.builtIn DESC, r.name", Ritual.class).getResultList();
    }

    public Ritual ritual(String name) {
        return Optional.ofNullable(name == null ? null : em.find(Ritual.class, name))
                .orElseThrow(() -> new NotFoundException("Ritual", name));
    }

    /** Changes a ritual's schedule (and a custom ritual's stages); composes a new custom ritual when none has the name. */
    public Ritual configure(String name, RitualChange change) {
        Ritual ritual = name == null ? null : em.find(Ritual.class, name);
        Instant now = Instant.now();
        if (ritual == null) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidInputException("a ritual's name is 1 to 64 lower-case letters, digits or '-'");
            }
            if (change.stages() == null || change.stages().isEmpty()) {
                throw new InvalidInputException("a new ritual needs its stages: GET /api/v1/rituals/stages lists them");
            }
            ritual = new Ritual(name, change.description() == null ? "" : change.description(), validStages(change.stages()), now);
            em.persist(ritual);
        } else if (change.stages() != null || change.description() != null) {
            if (ritual.isBuiltIn()) {
                throw new ConflictException("'" + name + "' is built in: only its schedule can change");
            }
            ritual.compose(change.description() == null ? ritual.getDescription() : change.description(),
                    change.stages() == null ? ritual.getStages() : validStages(change.stages()), now);
        }
        String cron = change.cron() == null ? ritual.getCron() : change.cron().isBlank() ? null : CronSchedule.parse(change.cron()).expression();
        boolean enabled = change.enabled() == null ? ritual.isEnabled() : change.enabled();
        if (enabled && cron == null) {
            throw new InvalidInputException("an enabled ritual needs a schedule (cron)");
        }
        ritual.schedule(cron, enabled, now);
        schedules.changed(KEY_PREFIX + ritual.getName());
        return ritual;
    }

    /** The schedule a ritual has now: its cron expression while it is enabled. */
    public Optional<CronSchedule> schedule(String name) {
        return Optional.ofNullable(em.find(Ritual.class, name)).flatMap(Rituals::scheduleOf);
    }

    /** The schedule of every enabled ritual, by schedule key. */
    public Map<String, CronSchedule> schedules() {
        return schedulesByName().entrySet().stream().collect(Collectors.toMap(e -> KEY_PREFIX + e.getKey(), Map.Entry::getValue));
    }

    public Optional<Instant> nextFire(String name) {
        return schedule(name).map(schedules::nextFire);
    }

    /** When each scheduled ritual fires next, by name. */
    public Map<String, Instant> nextFires() {
        return schedulesByName().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> schedules.nextFire(e.getValue())));
    }

    private Map<String, CronSchedule> schedulesByName() {
        return rituals().stream().flatMap(r -> scheduleOf(r).map(c -> Map.entry(r.getName(), c)).stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Optional<CronSchedule> scheduleOf(Ritual ritual) {
        return ritual.isEnabled() && ritual.getCron() != null ? Optional.of(CronSchedule.parse(ritual.getCron())) : Optional.empty();
    }

    /** The newest run of each ritual that has run, by name, in one query. */
    public Map<String, RitualRun> latestRuns() {
        return em.createQuery("SELECT r FROM RitualRun r WHERE r.id IN (SELECT MAX(l.id) FROM RitualRun l GROUP BY l.ritualName)",
                RitualRun.class).getResultStream().collect(Collectors.toMap(RitualRun::getRitualName, r -> r));
    }

    /** Starts a run by hand: for real or as a dry run; {@code steps} for rituals that take a step count (Z-88). */
    public RitualRun start(String name, boolean dryRun, Integer steps, String actor) {
        Ritual ritual = ritual(name);
        if (steps != null && ritual.getSteps() == null) {
            throw new InvalidInputException("'" + name + "' does not take a step count");
        }
        if (steps != null && !STEP_COUNTS.contains(steps)) {
            throw new InvalidInputException("steps must be one of 27, 54, 108 or 216");
        }
        return queue(ritual, dryRun, steps == null ? ritual.getSteps() : steps, "MANUAL", "manual:" + UUID.randomUUID(), actor);
    }

    /** Starts a scheduled run for a minute, once, whichever server's timer fired. */
    public void onSchedule(String name, Instant minute) {
        Ritual ritual = em.find(Ritual.class, name);
        String key = "cron:" + minute;
        if (ritual != null && ritual.isEnabled() && em.createQuery(
                "SELECT COUNT(r) FROM RitualRun r WHERE r.ritualName = :name AND r.triggerKey = :key", Long.class)
                .setParameter("name", name).setParameter("key", key).getSingleResult() == 0) {
            queue(ritual, false, ritual.getSteps(), "SCHEDULE", key, "schedule");
        }
    }

    public List<RitualRun> runs(String name, int limit) {
        ritual(name);
        return em.createQuery("SELECT r FROM RitualRun r WHERE r.ritualName = :name ORDER BY r.id DESC", RitualRun.class)
                .setParameter("name", name).setMaxResults(limit).getResultList();
    }

    public RitualRun run(String name, long runId) {
        RitualRun run = em.find(RitualRun.class, runId);
        if (run == null || !run.getRitualName().equals(name)) {
            throw new NotFoundException("Ritual run", runId);
        }
        return run;
    }

    public List<RitualRunStage> stagesOf(long runId) {
        return em.createQuery("SELECT s FROM RitualRunStage s WHERE s.runId = :run ORDER BY s.position", RitualRunStage.class)
                .setParameter("run", runId).getResultList();
    }

    /** Durations and outcomes of the ritual's recent real runs. */
    public RitualAnalytics analytics(String name) {
        List<RitualRun> recent = new ArrayList<>(em.createQuery(
                        "SELECT r FROM RitualRun r WHERE r.ritualName = :name AND r.dryRun = FALSE ORDER BY r.id DESC", RitualRun.class)
                .setParameter("name", name).setMaxResults(ANALYTICS_WINDOW).getResultList());
        Collections.reverse(recent);
        Instant now = Instant.now();
        int completed = (int) recent.stream().filter(r -> r.getStatus() == RunStatus.COMPLETED).count();
        int failed = (int) recent.stream().filter(r -> r.getStatus() == RunStatus.FAILED).count();
        long average = Math.round(recent.stream().filter(r -> r.getStatus() == RunStatus.COMPLETED)
                .mapToLong(r -> r.duration(now).toMillis()).average().orElse(0));
        return new RitualAnalytics(recent.size(), completed, failed,
                completed + failed == 0 ? 0 : (double) completed / (completed + failed), average,
                recent.stream().map(r -> r.getStatus().name()).toList(),
                recent.stream().map(r -> r.duration(now).toMillis()).toList());
    }

    /** The ritual named by a schedule key, if it is a ritual's. */
    public static Optional<String> ritualOf(String scheduleKey) {
        return scheduleKey.startsWith(KEY_PREFIX) ? Optional.of(scheduleKey.substring(KEY_PREFIX.length())) : Optional.empty();
    }

    private RitualRun queue(Ritual ritual, boolean dryRun, Integer steps, String trigger, String key, String actor) {
        List<Integer> counts = ritual.getStages().stream().map(stage -> stages.stage(stage).steps(steps)).toList();
        RitualRun run = new RitualRun(ritual.getName(), dryRun, trigger, key, counts.stream().mapToInt(Integer::intValue).sum(),
                actor, Instant.now());
        em.persist(run);
        for (int i = 0; i < counts.size(); i++) {
            em.persist(new RitualRunStage(run.getId(), i, ritual.getStages().get(i), counts.get(i)));
        }
        queued.fire(new RunQueued(RitualRun.class, run.getId()));
        return run;
    }

    private List<String> validStages(List<String> names) {
        names.forEach(stages::stage);
        return List.copyOf(names);
    }

    private static String scheduleKey(String name) {
        return KEY_PREFIX + name;
    }
}
