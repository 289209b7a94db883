package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.shared.model.Abbreviation;
import dev.helix.tasks.model.ExchangeSummary;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.service.ModelTranscripts;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.push.LiveOutputs;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * The model's side of a task page: what the agent's model is writing now (streamed in by the fleet stream), the
 * transcript of every model call, and replaying the task's recorded run as a new task.
 */
@Named
@RequestScoped
public class TaskModelPanel {

    /** The most transcript entries the page lists; the API pages through all. */
    static final int SHOWN_CALLS = 200;
    private static final int SHOWN_CHARS = 2000;

    @Inject
    TaskPage page;

    @Inject
    LiveOutputs outputs;

    @Inject
    ModelTranscripts transcripts;

    @Inject
    TaskService tasks;

    @Inject
    Caller caller;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    @Inject
    FacesContext faces;

    private List<Call> transcript;

    /** One model call as the transcript tab lists it: its step, the answer's text and tool calls (abridged). */
    public record Call(String step, int round, String provider, String answer, String failure, long tokens, long durationMs) {
    }

    /** What the task's model has written in its current step so far, as this server heard it. */
    public LiveOutputs.Output getLiveOutput() {
        return page.getId() == null ? LiveOutputs.Output.NONE : outputs.of(page.getId());
    }

    /** The task's model calls, oldest first (the first {@value #SHOWN_CALLS}), read once per request. */
    public List<Call> getTranscript() {
        Long id = page.getId();
        if (transcript == null) {
            transcript = id == null ? List.of() : transcripts.summaries(id, SHOWN_CALLS).stream().map(TaskModelPanel::call).toList();
        }
        return transcript;
    }

    public boolean isMayReplay() {
        return caller.may(Permission.TASK_CREATE);
    }

    /** Replays the task's recorded run as a new task and opens it; says why not when it cannot be replayed. */
    @Audited("task.replay")
    public String replay() {
        if (!permission.granted(Permission.TASK_CREATE, "Replaying tasks") || page.getId() == null) {
            return null;
        }
        long original = page.getId();
        audit.target("/api/v1/tasks/" + original + "/replay");
        Optional<Task> replay = messages.attempt(null, () -> tasks.replay(original, faces.getExternalContext().getRemoteUser()));
        return replay.map(task -> "/task.xhtml?faces-redirect=true&id=" + task.getId()).orElse(null);
    }

    private static Call call(ExchangeSummary e) {
        String step = e.step().name() + (e.itemNumber() > 0 ? " #" + e.itemNumber() : "") + " (order " + e.orderSeq() + ")";
        String answer = e.answerStart() == null ? "" : Abbreviation.of(readable(e.answerStart()), SHOWN_CHARS);
        return new Call(step, e.round(), e.provider() + " / " + e.model(), answer, e.failure(), e.tokens(), e.durationMs());
    }

    /** A recorded answer as people read it: its text, then one line per tool it called. */
    private static String readable(String answer) {
        try {
            JsonObject json = Json.createReader(new StringReader(answer)).readObject();
            StringBuilder text = new StringBuilder(json.getString("text", ""));
            for (JsonObject call : json.getJsonArray("toolCalls").getValuesAs(JsonObject.class)) {
                text.append(text.isEmpty() ? "" : "\n").append("→ ").append(call.getString("name", "?")).append(' ')
                        .append(call.getString("arguments", ""));
            }
            return text.toString();
        } catch (RuntimeException e) {
            return answer; // cut at its limit: shown as it was kept
        }
    }
}
