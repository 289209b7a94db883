package dev.helix.web.push;

import dev.helix.tasks.model.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the agents' models are writing, per task, as the fleet stream carries it: the last
 * {@value #MAX_CHARS} characters of each task's current step, kept on every server from the events topic, so a task
 * page opened mid-call shows what was written so far and the stream adds the rest. A new step starts afresh; a task
 * whose status changes to an end is forgotten, and only the {@value #MAX_TASKS} tasks heard from last are kept.
 */
@ApplicationScoped
public class LiveOutputs {

    static final int MAX_CHARS = 16_000;
    static final int MAX_TASKS = 500;
    private static final String OUTPUT = "MODEL_OUTPUT";
    private static final String STATUS_CHANGED = "TASK_STATUS_CHANGED";

    /** The output of a task's step so far: which step, and its text. */
    public record Output(String step, String text) {

        /** Nothing heard. */
        public static final Output NONE = new Output("", "");
    }

    private final Map<Long, Output> outputs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Output> eldest) {
            return size() > MAX_TASKS;
        }
    };

    /** What the task's model wrote in its current step so far; empty when nothing was heard. */
    public synchronized Output of(long taskId) {
        return outputs.getOrDefault(taskId, Output.NONE);
    }

    /** Whether the event (JSON text, its type first as the events topic carries it) is a model's output. */
    static boolean isOutput(String json) {
        return json.startsWith("{\"type\":\"" + OUTPUT + "\"");
    }

    /** Takes in one event of the fleet stream (JSON text); only a model's output and a task's end matter here. */
    void heard(String json) {
        if (!json.contains(OUTPUT) && !json.contains(STATUS_CHANGED)) {
            return;
        }
        JsonObject event;
        try {
            event = Json.createReader(new StringReader(json)).readObject();
        } catch (JsonException e) {
            return;
        }
        if (!event.containsKey("taskId")) {
            return;
        }
        long taskId = event.getJsonNumber("taskId").longValue();
        String type = event.getString("type", "");
        if (type.equals(OUTPUT)) {
            append(taskId, event.getString("status", ""), event.getString("detail", ""));
        } else if (type.equals(STATUS_CHANGED) && ended(event.getString("status", ""))) {
            forget(taskId);
        }
    }

    private synchronized void append(long taskId, String step, String text) {
        Output before = outputs.get(taskId);
        String all = (before == null || !before.step().equals(step) ? "" : before.text()) + text;
        outputs.put(taskId, new Output(step, all.length() > MAX_CHARS ? all.substring(all.length() - MAX_CHARS) : all));
    }

    private synchronized void forget(long taskId) {
        outputs.remove(taskId);
    }

    private static boolean ended(String status) {
        try {
            return TaskStatus.valueOf(status).isTerminal();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
