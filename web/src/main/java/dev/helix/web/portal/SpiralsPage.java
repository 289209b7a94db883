package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.spirals.model.definition.InvalidDefinitionException;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.SpiralRunStep;
import dev.helix.spirals.model.SpiralVersion;
import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.spirals.service.SpiralRuns;
import dev.helix.web.security.Caller;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The spirals page: the spirals, the selected one's definition in an editor and drawn as a diagram, running it by
 * hand, and its runs with each step's detail, polled while a run is under way. The address selects a spiral
 * ({@code ?id=}) and a run ({@code &run=}); the page's state lasts as long as the view. The list and the selected
 * spiral are read again after an action that changes them, the runs after every action and poll; its actions are
 * {@link SpiralActions}.
 */
@Named("spiralsPage")
@ViewScoped
public class SpiralsPage implements Serializable {

    /** The definition a new spiral starts from. */
    static final String STARTER = """
            {
              "name": "New spiral",
              "description": "What it is for",
              "trigger": {"type": "MANUAL"},
              "steps": [
                {"id": "greet", "type": "SET_VARIABLE", "name": "greeting", "value": "'Hello, ' + coalesce(input.name, 'world')"},
                {"id": "check", "type": "BRANCH", "condition": "len(greeting) > 7", "else": "end"},
                {"id": "tell", "type": "NOTIFY", "users": ["admin"], "message": "${greeting}"}
              ]
            }""";

    /** The client id of the editor, where each problem of an invalid definition is shown. */
    static final String DEFINITION_FIELD = "editor:definition";

    private static final long serialVersionUID = 1L;
    private static final int RUNS_SHOWN = 50;
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    /** A spiral in the list, with when its schedule fires next ({@code null}: not scheduled). */
    public record Row(Spiral spiral, Instant nextFire) {
    }

    @Inject
    SpiralCatalog catalog;

    @Inject
    SpiralRuns spiralRuns;

    @Inject
    SpiralActions actions;

    @Inject
    PortalMessages messages;

    @Inject
    Caller caller;

    private Long id;
    private Long runId;
    private String definition = STARTER;
    private String input;

    private transient List<Row> rows;
    private transient Spiral spiral;
    private transient SpiralVersion version;
    private transient List<SpiralRun> runs;
    private transient SpiralRun run;
    private transient List<SpiralRunStep> steps;

    /** Opens the spiral and run the address names ({@code ?id=&run=}); one that does not exist is said so. */
    public void open() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        id = number(parameters.get("id"));
        runId = number(parameters.get("run"));
        if (id != null) {
            messages.read(this::getVersion).ifPresentOrElse(v -> definition = pretty(v.getDefinition()), () -> {
                id = null;
                reload();
            });
        }
        if (runId != null && (id == null || messages.read(this::getRun).isEmpty())) {
            runId = null;
        }
    }

    /** Forgets the runs that were read, so that the page shows where they stand (each poll). */
    public void refresh() {
        runs = null;
        run = null;
        steps = null;
    }

    /** Forgets everything that was read: the list and the selected spiral too (after an action that changes them). */
    private void reload() {
        rows = null;
        spiral = null;
        version = null;
        refresh();
    }

    public List<Row> getRows() {
        if (rows == null) {
            Map<Long, Instant> nextFires = catalog.nextFires();
            rows = catalog.spirals().stream().map(s -> new Row(s, nextFires.get(s.getId()))).toList();
        }
        return rows;
    }

    /** The selected spiral, or {@code null}: read once per selection, not on every poll. */
    public Spiral getSpiral() {
        if (spiral == null && id != null) {
            spiral = catalog.spiral(id);
        }
        return spiral;
    }

    /** The selected spiral's current version, or {@code null} when none is selected. */
    public SpiralVersion getVersion() {
        if (version == null && getSpiral() != null) {
            version = catalog.version(id, spiral.getCurrentVersion());
        }
        return version;
    }

    /** The selected spiral drawn as SVG; {@code null} when none is selected or its definition no longer reads. */
    public String getDiagram() {
        try {
            return getVersion() == null ? null : SpiralDiagram.svg(getVersion().read());
        } catch (InvalidDefinitionException e) {
            return null;
        }
    }

    public List<SpiralRun> getRuns() {
        if (runs == null) {
            runs = id == null ? List.of() : spiralRuns.runs(id, RUNS_SHOWN);
        }
        return runs;
    }

    /** The selected run, or {@code null}. */
    public SpiralRun getRun() {
        if (run == null && runId != null) {
            run = getRuns().stream().filter(r -> r.getId().equals(runId)).findFirst().orElseGet(() -> spiralRuns.run(id, runId));
        }
        return run;
    }

    public List<SpiralRunStep> getSteps() {
        if (steps == null) {
            steps = runId == null ? List.of() : spiralRuns.steps(runId);
        }
        return steps;
    }

    /** Whether a run of the spiral is queued or under way: the page polls while one is. */
    public boolean isActive() {
        return getRuns().stream().anyMatch(r -> r.getStatus().underWay());
    }

    public boolean isStoppable() {
        SpiralRun run = getRun();
        return run != null && run.getStatus().stoppable();
    }

    public boolean isRestartable() {
        SpiralRun run = getRun();
        return run != null && run.getStatus().restartable();
    }

    public boolean isMayManage() {
        return caller.may(Permission.SPIRAL_MANAGE);
    }

    public boolean isMayRun() {
        return caller.may(Permission.SPIRAL_RUN);
    }

    /** Saves the editor's definition as a new spiral, which the page then shows. */
    public void create() {
        actions.create(definition, DEFINITION_FIELD).ifPresent(created -> {
            id = created.getId();
            runId = null;
        });
        reload();
    }

    public void update() {
        actions.update(id, definition, DEFINITION_FIELD);
        reload();
    }

    public void delete() {
        if (actions.delete(id)) {
            id = null;
            runId = null;
            definition = STARTER;
        }
        reload();
    }

    /** Starts a run with the input box as its input; the page then follows that run. */
    public void start() {
        actions.start(id, input).ifPresent(run -> runId = run.getId());
        refresh();
    }

    public void restart() {
        actions.restart(id, runId);
        refresh();
    }

    public void stop() {
        actions.stop(id, runId);
        refresh();
    }

    private static Long number(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The JSON pretty-printed; text that is not JSON as it is. */
    private static String pretty(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            StringWriter out = new StringWriter();
            PRETTY.createWriter(out).write(reader.readValue());
            return out.toString().strip();
        } catch (JsonException e) {
            return json;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getRunId() {
        return runId;
    }

    public String getDefinition() {
        return definition;
    }

    public void setDefinition(String definition) {
        this.definition = definition;
    }

    public String getInput() {
        return input;
    }

    public void setInput(String input) {
        this.input = input;
    }
}
