package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.rituals.model.Ritual;
import dev.helix.rituals.model.RitualAnalytics;
import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunStage;
import dev.helix.rituals.model.RitualStage;
import dev.helix.rituals.service.RitualStages;
import dev.helix.rituals.service.Rituals;
import dev.helix.web.security.Caller;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rituals page: the rituals and, for the one the address names ({@code ?name=}), its schedule, running it now
 * (for real or dry), the newest run's progress (polled while it runs), its history and analytics; and composing a
 * custom ritual from registered stages. The selected ritual's runs are read again after each action and poll, the
 * list after each action; its actions are {@link RitualActions}.
 */
@Named("ritualsPage")
@ViewScoped
public class RitualsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY = 20;

    /** A ritual in the list, with when it fires next and its newest run (each {@code null} when there is none). */
    public record Row(Ritual ritual, Instant nextFire, RitualRun lastRun) {
    }

    @Inject
    Rituals rituals;

    @Inject
    RitualStages registered;

    @Inject
    RitualActions actions;

    @Inject
    PortalMessages messages;

    @Inject
    Caller caller;

    private String name;
    private String cron;
    private boolean enabled;
    private Integer steps;
    private String newName;
    private String newDescription;
    private List<String> newStages = List.of();
    private String newCron;

    private transient List<Row> rows;
    private transient Ritual ritual;
    private transient List<RitualRun> runs;
    private transient List<RitualRunStage> stages;
    private transient RitualAnalytics analytics;

    /** Opens the ritual the address names, with its schedule in the form; one that does not exist is said so. */
    public void open() {
        String named = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("name");
        if (named != null && !named.isBlank()) {
            messages.read(() -> rituals.ritual(named.strip())).ifPresent(this::select);
        }
    }

    /** Selects a ritual, with its schedule in the form. */
    private void select(Ritual selected) {
        ritual = selected;
        name = selected.getName();
        cron = selected.getCron();
        enabled = selected.isEnabled();
        steps = selected.getSteps();
    }

    /** Forgets the selected ritual's runs and analytics, so that the page shows where they stand (each poll). */
    public void refresh() {
        runs = null;
        stages = null;
        analytics = null;
    }

    /** Forgets the list too (after an action). */
    private void reload() {
        rows = null;
        refresh();
    }

    public List<Row> getRows() {
        if (rows == null) {
            Map<String, Instant> nextFires = rituals.nextFires();
            Map<String, RitualRun> latestRuns = rituals.latestRuns();
            rows = rituals.rituals().stream()
                    .map(r -> new Row(r, nextFires.get(r.getName()), latestRuns.get(r.getName()))).toList();
        }
        return rows;
    }

    /** The selected ritual, or {@code null}: read once per selection, not on every poll. */
    public Ritual getRitual() {
        if (ritual == null && name != null) {
            ritual = rituals.ritual(name);
        }
        return ritual;
    }

    /** The selected ritual's newest runs, newest first. */
    public List<RitualRun> getRuns() {
        if (runs == null) {
            runs = name == null ? List.of() : rituals.runs(name, HISTORY);
        }
        return runs;
    }

    /** The selected ritual's newest run, or {@code null}. */
    public RitualRun getLatest() {
        return getRuns().isEmpty() ? null : getRuns().get(0);
    }

    /** Whether the newest run is queued or under way: the page polls while it is. */
    public boolean isActive() {
        return getLatest() != null && getLatest().getStatus().underWay();
    }

    /** The newest run's stages. */
    public List<RitualRunStage> getStages() {
        if (stages == null) {
            stages = getLatest() == null ? List.of() : rituals.stagesOf(getLatest().getId());
        }
        return stages;
    }

    /** Where the newest run stands, e.g. "stage invocation · step 12 of 108". */
    public String getProgressLabel() {
        RitualRun run = getLatest();
        return run == null ? "" : "stage " + (run.getCurrentStage() == null ? "–" : run.getCurrentStage()) + " · step "
                + run.getStepsDone() + " of " + run.getStepsTotal();
    }

    public RitualAnalytics getAnalytics() {
        if (analytics == null && name != null) {
            analytics = rituals.analytics(name);
        }
        return analytics;
    }

    /** The stages custom rituals can be composed of. */
    public List<RitualStage> getAvailableStages() {
        return registered.all();
    }

    /** The step counts a ritual that takes one can run for. */
    public List<Integer> getStepCounts() {
        return Rituals.STEP_COUNTS.stream().sorted().toList();
    }

    /** How long a run took (so far). */
    public String duration(RitualRun run) {
        return human(run.duration(Instant.now()));
    }

    /** A duration in milliseconds, for people. */
    public String millis(long millis) {
        return human(Duration.ofMillis(millis));
    }

    static String human(Duration duration) {
        if (duration.toSeconds() < 1) {
            return duration.toMillis() + " ms";
        }
        if (duration.toMinutes() < 1) {
            return duration.toSeconds() + " s";
        }
        if (duration.toHours() < 1) {
            return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
        }
        return duration.toHours() + " h " + duration.toMinutesPart() + " min";
    }

    public boolean isMayManage() {
        return caller.may(Permission.RITUAL_MANAGE);
    }

    public boolean isMayRun() {
        return caller.may(Permission.RITUAL_RUN);
    }

    public void saveSchedule() {
        actions.schedule(name, cron, enabled).ifPresent(this::select);
        reload();
    }

    public void run() {
        start(false);
    }

    public void dryRun() {
        start(true);
    }

    private void start(boolean dryRun) {
        actions.start(name, dryRun, steps);
        reload();
    }

    /** Composes the custom ritual the form describes; the page then shows it. */
    public void compose() {
        actions.compose(newName == null ? null : newName.strip(), newDescription, newStages, newCron).ifPresent(ritual -> {
            select(ritual);
            newName = null;
            newDescription = null;
            newStages = List.of();
            newCron = null;
        });
        reload();
    }

    public String getName() {
        return name;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Integer getSteps() {
        return steps;
    }

    public void setSteps(Integer steps) {
        this.steps = steps;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDescription() {
        return newDescription;
    }

    public void setNewDescription(String newDescription) {
        this.newDescription = newDescription;
    }

    public List<String> getNewStages() {
        return newStages;
    }

    public void setNewStages(List<String> newStages) {
        this.newStages = newStages == null ? List.of() : newStages;
    }

    public String getNewCron() {
        return newCron;
    }

    public void setNewCron(String newCron) {
        this.newCron = newCron;
    }
}
