package dev.helix.spirals.model.definition;

import dev.helix.spirals.model.expression.Expression;
import dev.helix.spirals.model.expression.Template;
import dev.helix.scheduling.model.CronSchedule;
import dev.helix.shared.error.FieldError;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.model.JsonText;
import dev.helix.shared.error.MalformedJsonException;
import dev.helix.shared.model.Names;
import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.TaskStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a spiral definition from its JSON and validates it as a whole: unknown trigger or step types, missing or
 * malformed fields, bad cron expressions and expressions, duplicate step ids, branches to unknown steps or back
 * (cycles), and variables used before any step sets them. Every problem is collected; any problem makes the
 * definition invalid ({@link InvalidDefinitionException}, 422).
 *
 * <p>Variables a run has from the start: {@code input} (the manual start's body, the webhook's payload, or the
 * event's fields) and {@code run} ({@code id}, {@code spiral}, {@code version}, {@code trigger}).
 */
public final class DefinitionReader {

    /** Variables every run has from the start. */
    public static final Set<String> BUILT_IN_VARIABLES = Set.of("input", "run");

    private static final int MAX_JSON = 100_000;
    private static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_STEPS = 100;
    /** The events a trigger can name, and the fields their filters can test. */
    private static final String EVENT = FleetEvent.Type.TASK_STATUS_CHANGED.name();
    private static final Set<String> FILTER_FIELDS = Set.of("status", "taskId");
    private static final long MAX_WAIT_MILLIS = 3_600_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern STEP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final List<FieldError> problems = new ArrayList<>();

    private DefinitionReader() {
    }

    /** The definition in this JSON text, or {@link InvalidDefinitionException} listing every problem. */
    public static SpiralDefinition read(String json) {
        if (json != null && json.length() > MAX_JSON) {
            throw new InvalidDefinitionException(List.of(new FieldError("$", "a definition is at most " + MAX_JSON + " characters")));
        }
        JsonValue value;
        try {
            value = JsonText.read(json);
        } catch (MalformedJsonException e) {
            throw new InvalidDefinitionException(List.of(new FieldError("$", e.getMessage())));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidDefinitionException(List.of(new FieldError("$", "a spiral definition is a JSON object")));
        }
        return new DefinitionReader().definition(value.asJsonObject());
    }

    private SpiralDefinition definition(JsonObject root) {
        String name = text(root, "name", "$.name", true);
        if (name != null && (name.isBlank() || name.length() > 120)) {
            problem("$.name", "must be 1 to 120 characters");
        }
        Names.problem(name).ifPresent(p -> problem("$.name", p));
        String description = text(root, "description", "$.description", false);
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problem("$.description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        Trigger trigger = trigger(root.get("trigger"));
        OnError onError = onError(root.get("onError"), "$.onError");
        List<SpiralStep> steps = steps(root.get("steps"));
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return new SpiralDefinition(name.strip(), description == null ? "" : description,
                trigger, steps, onError == null ? OnError.STOP : onError);
    }

    private Trigger trigger(JsonValue value) {
        JsonObject json = object(value, "$.trigger", true);
        if (json == null) {
            return null;
        }
        TriggerType type = constant(json, "type", "$.trigger.type", TriggerType.class, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case MANUAL, WEBHOOK -> new Trigger(type, null, Map.of(), null);
            case CRON -> new Trigger(type, null, Map.of(), cron(text(json, "cron", "$.trigger.cron", true)));
            case EVENT -> eventTrigger(json);
        };
    }

    private CronSchedule cron(String expression) {
        return expression == null ? null : attempt("$.trigger.cron", () -> CronSchedule.parse(expression));
    }

    private Trigger eventTrigger(JsonObject json) {
        String event = text(json, "event", "$.trigger.event", true);
        if (event != null && !event.equals(EVENT)) {
            problem("$.trigger.event", "'" + event + "' is not an event spirals can be triggered by; use " + EVENT);
        }
        Map<String, String> filter = new LinkedHashMap<>();
        JsonObject filterJson = object(json.get("filter"), "$.trigger.filter", false);
        if (filterJson != null) {
            filterJson.forEach((key, v) -> {
                if (!FILTER_FIELDS.contains(key)) {
                    problem("$.trigger.filter." + key, "is not a field of the event; use " + FILTER_FIELDS);
                } else if (v instanceof JsonString s) {
                    filter.put(key, s.getString());
                } else {
                    problem("$.trigger.filter." + key, "must be a string");
                }
            });
        }
        String status = filter.get("status");
        if (status != null && Arrays.stream(TaskStatus.values()).noneMatch(s -> s.name().equalsIgnoreCase(status))) {
            problem("$.trigger.filter.status", "'" + status + "' is not a task status");
        }
        return new Trigger(TriggerType.EVENT, event, Map.copyOf(filter), null);
    }

    private List<SpiralStep> steps(JsonValue value) {
        List<SpiralStep> steps = new ArrayList<>();
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY || value.asJsonArray().isEmpty()) {
            problem("$.steps", "must be a non-empty array of steps");
            return steps;
        }
        JsonArray array = value.asJsonArray();
        if (array.size() > MAX_STEPS) {
            problem("$.steps", "at most " + MAX_STEPS + " steps");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            SpiralStep step = step(array.get(i), "$.steps[" + i + "]", i);
            if (step != null) {
                if (!ids.add(step.id())) {
                    problem("$.steps[" + i + "].id", "'" + step.id() + "' is used by another step");
                }
                steps.add(step);
            }
        }
        if (steps.size() == array.size()) {
            checkBranches(steps);
            checkVariables(steps);
        }
        return steps;
    }

    private SpiralStep step(JsonValue value, String at, int position) {
        JsonObject json = object(value, at, true);
        if (json == null) {
            return null;
        }
        String id = text(json, "id", at + ".id", false);
        if (id == null) {
            id = "step-" + (position + 1);
        } else if (!STEP_ID.matcher(id).matches()) {
            problem(at + ".id", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (StepAction.Branch.END.equals(id)) {
            problem(at + ".id", "'end' is reserved for the end of the run");
        }
        String when = text(json, "when", at + ".when", false);
        Expression condition = when == null ? null : expression(when, at + ".when");
        RetryPolicy retry = retry(json.get("retry"), at + ".retry");
        OnError onError = onError(json.get("onError"), at + ".onError");
        StepType type = constant(json, "type", at + ".type", StepType.class, true);
        StepAction action = type == null ? null : action(type, json, at);
        return action == null ? null : new SpiralStep(id, condition, retry, onError, action);
    }

    private StepAction action(StepType type, JsonObject json, String at) {
        int before = problems.size();
        StepAction action = switch (type) {
            case SET_VARIABLE -> new StepAction.SetVariable(variableName(json, "name", at, true),
                    expression(text(json, "value", at + ".value", true), at + ".value"));
            case CREATE_TASK -> new StepAction.CreateTask(template(json, "title", at, true), template(json, "prompt", at, false),
                    constant(json, "priority", at + ".priority", Priority.class, false), variableName(json, "saveAs", at, false));
            case SEND_MESSAGE -> new StepAction.SendMessage(text(json, "to", at + ".to", true), template(json, "text", at, true));
            case HTTP_CALL -> httpCall(json, at);
            case NOTIFY -> new StepAction.Notify(users(json.get("users"), at + ".users"), template(json, "message", at, true));
            case WAIT -> new StepAction.Wait(millis(json.get("millis"), at + ".millis"));
            case BRANCH -> new StepAction.Branch(expression(text(json, "condition", at + ".condition", true), at + ".condition"),
                    text(json, "then", at + ".then", false), text(json, "else", at + ".else", false));
        };
        return problems.size() == before ? action : null;
    }

    private StepAction httpCall(JsonObject json, String at) {
        String method = text(json, "method", at + ".method", false);
        method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
        if (!HTTP_METHODS.contains(method)) {
            problem(at + ".method", "must be one of " + HTTP_METHODS);
        }
        Template url = template(json, "url", at, true);
        String urlText = url == null ? null : json.getString("url");
        if (urlText != null && !urlText.startsWith("${") && !urlText.matches("(?i)https?://.+")) {
            problem(at + ".url", "must be an http:// or https:// address");
        }
        Map<String, Template> headers = new LinkedHashMap<>();
        JsonObject headersJson = object(json.get("headers"), at + ".headers", false);
        if (headersJson != null) {
            headersJson.forEach((name, v) -> {
                if (v instanceof JsonString s) {
                    Template header = attempt(at + ".headers." + name, () -> Template.parse(s.getString()));
                    if (header != null) {
                        headers.put(name, header);
                    }
                } else {
                    problem(at + ".headers." + name, "must be a string");
                }
            });
        }
        JsonValue.ValueType signType = json.containsKey("sign") ? json.get("sign").getValueType() : JsonValue.ValueType.NULL;
        if (!Set.of(JsonValue.ValueType.TRUE, JsonValue.ValueType.FALSE, JsonValue.ValueType.NULL).contains(signType)) {
            problem(at + ".sign", "must be true or false");
        }
        boolean sign = json.getBoolean("sign", false);
        return new StepAction.HttpCall(method, url, Map.copyOf(headers), template(json, "body", at, false), sign,
                variableName(json, "saveAs", at, false));
    }

    private void checkBranches(List<SpiralStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).action() instanceof StepAction.Branch branch) {
                checkJump(steps, i, branch.then(), "then");
                checkJump(steps, i, branch.otherwise(), "else");
            }
        }
    }

    /** Jumps may only go forward, so every path through a spiral ends: a jump back would be a cycle. */
    private void checkJump(List<SpiralStep> steps, int from, String target, String field) {
        if (target == null || StepAction.Branch.END.equals(target)) {
            return;
        }
        String at = "$.steps[" + from + "]." + field;
        int to = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(target)) {
                to = i;
            }
        }
        if (to < 0) {
            problem(at, "no step has the id '" + target + "'");
        } else if (to <= from) {
            problem(at, "branches back to '" + target + "': that makes a cycle; spirals run forward only");
        }
    }

    /** A variable must be set by an earlier step (or be built in) before an expression or template uses it. */
    private void checkVariables(List<SpiralStep> steps) {
        Set<String> known = new HashSet<>(BUILT_IN_VARIABLES);
        for (int i = 0; i < steps.size(); i++) {
            SpiralStep step = steps.get(i);
            String at = "$.steps[" + i + "]";
            for (String used : used(step)) {
                if (!known.contains(used)) {
                    problem(at, "uses the variable '" + used + "' before any step sets it");
                }
            }
            String sets = sets(step.action());
            if (sets != null) {
                known.add(sets);
            }
        }
    }

    /** The variable a step's action sets, or {@code null}. */
    static String sets(StepAction action) {
        if (action instanceof StepAction.SetVariable set) {
            return set.name();
        }
        if (action instanceof StepAction.CreateTask task) {
            return task.saveAs();
        }
        return action instanceof StepAction.HttpCall call ? call.saveAs() : null;
    }

    private static Set<String> used(SpiralStep step) {
        Set<String> used = new HashSet<>();
        if (step.when() != null) {
            used.addAll(step.when().variables());
        }
        for (Template template : templates(step.action())) {
            used.addAll(template.variables());
        }
        if (step.action() instanceof StepAction.SetVariable set) {
            used.addAll(set.value().variables());
        } else if (step.action() instanceof StepAction.Branch branch) {
            used.addAll(branch.condition().variables());
        }
        return used;
    }

    private static List<Template> templates(StepAction action) {
        List<Template> templates = new ArrayList<>();
        if (action instanceof StepAction.CreateTask task) {
            templates.add(task.title());
            templates.add(task.prompt());
        } else if (action instanceof StepAction.SendMessage message) {
            templates.add(message.text());
        } else if (action instanceof StepAction.HttpCall call) {
            templates.add(call.url());
            templates.addAll(call.headers().values());
            templates.add(call.body());
        } else if (action instanceof StepAction.Notify notify) {
            templates.add(notify.message());
        }
        templates.removeIf(java.util.Objects::isNull);
        return templates;
    }

        private RetryPolicy retry(JsonValue value, String at) {
        JsonObject json = object(value, at, false);
        if (json == null) {
            return RetryPolicy.NONE;
        }
        long attempts = number(json, "maxAttempts", at, 1, 10, 3);
        long backoff = number(json, "backoffMillis", at, 0, 600_000, 200);
        long maxBackoff = number(json, "maxBackoffMillis", at, 0, 3_600_000, Math.max(backoff, 30_000));
        double jitter = 0.2;
        if (json.containsKey("jitter")) {
            if (json.get("jitter") instanceof JsonNumber n && n.doubleValue() >= 0 && n.doubleValue() <= 1) {
                jitter = n.doubleValue();
            } else {
                problem(at + ".jitter", "must be a number from 0 to 1");
            }
        }
        return new RetryPolicy((int) attempts, backoff, maxBackoff, jitter);
    }

    private OnError onError(JsonValue value, String at) {
        JsonObject json = object(value, at, false);
        if (json == null) {
            return null;
        }
        ErrorPolicy policy = constant(json, "policy", at + ".policy", ErrorPolicy.class, true);
        Long spiral = null;
        if (policy == ErrorPolicy.ERROR_SPIRAL) {
            Long id = wholeNumber(json.get("spiral"));
            if (id != null && id > 0) {
                spiral = id;
            } else {
                problem(at + ".spiral", "ERROR_SPIRAL needs the id of the spiral to start");
            }
        }
        return policy == null ? null : new OnError(policy, spiral);
    }

    private long millis(JsonValue value, String at) {
        Long millis = wholeNumber(value);
        if (millis != null && millis >= 0 && millis <= MAX_WAIT_MILLIS) {
            return millis;
        }
        problem(at, "must be a whole number of milliseconds from 0 to " + MAX_WAIT_MILLIS);
        return 0;
    }

    private long number(JsonObject json, String key, String at, long min, long max, long fallback) {
        if (!json.containsKey(key)) {
            return fallback;
        }
        Long number = wholeNumber(json.get(key));
        if (number != null && number >= min && number <= max) {
            return number;
        }
        problem(at + "." + key, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** The value as a whole number, or {@code null} when it is not one or does not fit a long (no wrapping). */
    private static Long wholeNumber(JsonValue value) {
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private List<String> users(JsonValue value, String at) {
        List<String> users = new ArrayList<>();
        if (value instanceof JsonArray array && !array.isEmpty()) {
            for (JsonValue user : array) {
                if (user instanceof JsonString s && !s.getString().isBlank()) {
                    users.add(s.getString().strip());
                } else {
                    problem(at, "must list user names (strings)");
                }
            }
        } else {
            problem(at, "must be a non-empty array of user names");
        }
        return List.copyOf(users);
    }

    private String variableName(JsonObject json, String key, String at, boolean required) {
        String name = text(json, key, at + "." + key, required);
        if (name != null && !NAME.matcher(name).matches()) {
            problem(at + "." + key, "'" + name + "' is not a variable name (a letter or '_', then letters, digits, '_')");
        } else if (name != null && BUILT_IN_VARIABLES.contains(name)) {
            problem(at + "." + key, "'" + name + "' is built in and cannot be set");
        }
        return name;
    }

    private Template template(JsonObject json, String key, String at, boolean required) {
        String text = text(json, key, at + "." + key, required);
        return text == null ? null : attempt(at + "." + key, () -> Template.parse(text));
    }

    private Expression expression(String source, String at) {
        return source == null ? null : attempt(at, () -> Expression.parse(source));
    }

    private <T> T attempt(String at, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            problem(at, e.getMessage());
            return null;
        }
    }

    private <E extends Enum<E>> E constant(JsonObject json, String key, String at, Class<E> type, boolean required) {
        String name = text(json, key, at, required);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(at, "'" + name + "' is not a " + type.getSimpleName() + "; use one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private JsonObject object(JsonValue value, String at, boolean required) {
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                problem(at, "is required");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            problem(at, "must be an object");
            return null;
        }
        return value.asJsonObject();
    }

    private String text(JsonObject json, String key, String at, boolean required) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                problem(at, "is required");
            }
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        problem(at, "must be a string");
        return null;
    }

    private void problem(String field, String message) {
        problems.add(new FieldError(field, message));
    }
}
