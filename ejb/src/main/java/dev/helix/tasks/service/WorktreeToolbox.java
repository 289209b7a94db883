package dev.helix.tasks.service;

import dev.helix.providers.model.ToolSpec;
import dev.helix.providers.model.ToolSpec.Parameter;
import dev.helix.providers.port.Toolbox;
import dev.helix.shared.error.DomainException;
import dev.helix.shared.model.JsonText;
import dev.helix.tasks.internal.WorktreeFiles;
import dev.helix.tasks.model.ToolBudgets;
import dev.helix.tasks.model.ToolCall;
import dev.helix.tasks.model.WorkStoppedException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The tools of an agent working one checklist item of a task, in the task's worktree: the file tools, a command in
 * the sandbox, and the diff of the work so far. Every call is recorded as it ends; the item's and the task's budgets
 * are kept, and the same call three times in a row is stopped as a loop ({@link WorkStoppedException}).
 */
final class WorktreeToolbox implements Toolbox {

    private static final List<ToolSpec> TOOLS = List.of(
            new ToolSpec(LIST_FILES, "List the files under a folder of the worktree (all of it by default).",
                    List.of(new Parameter("path", "folder relative to the worktree, e.g. \"src\"", false, false))),
            new ToolSpec(READ_FILE, "Read a file of the worktree.",
                    List.of(new Parameter("path", "file relative to the worktree", false, true))),
            new ToolSpec(WRITE_FILE, "Write a whole file of the worktree, creating it and its folders if needed.",
                    List.of(new Parameter("path", "file relative to the worktree", false, true),
                            new Parameter("content", "the file's new content", false, true))),
            new ToolSpec(EDIT_FILE, "Replace one exact piece of text, which must occur once, in a file of the worktree.",
                    List.of(new Parameter("path", "file relative to the worktree", false, true),
                            new Parameter("old_text", "the text to replace, exactly as it is", false, true),
                            new Parameter("new_text", "the text to put in its place", false, true))),
            new ToolSpec(SEARCH, "Find the lines of the worktree's files that hold a text.",
                    List.of(new Parameter("text", "the text to look for", false, true),
                            new Parameter("path", "folder to search in (all of the worktree by default)", false, false))),
            new ToolSpec(RUN_COMMAND, "Run a shell command in the worktree in a sandbox without network; by default the "
                    + "project's test command. Answers the exit code and the output.",
                    List.of(new Parameter("command", "the shell command (the project's test command by default)", false, false))),
            new ToolSpec(GIT_DIFF, "Show what the worktree changed since the last commit, as a unified diff.", List.of()));

    /** Who the item's calls are by, and on what. */
    record Item(long taskId, String agentName, String text) {
    }

    private final Item item;
    private final WorktreeFiles files;
    private final UnaryOperator<String> runCommand;
    private final Supplier<String> diff;
    private final Consumer<ToolCall> recorder;
    private final ToolBudgets budgets;
    private final long taskCallsBefore;
    private final long taskTokensBefore;
    private final Instant deadline;
    private int calls;
    private long tokens;
    private String lastCall;
    private int repeats;

    WorktreeToolbox(Item item, WorktreeFiles files, UnaryOperator<String> runCommand, Supplier<String> diff,
                    Consumer<ToolCall> recorder, ToolBudgets budgets, long taskCallsBefore, long taskTokensBefore) {
        this.item = item;
        this.files = files;
        this.runCommand = runCommand;
        this.diff = diff;
        this.recorder = recorder;
        this.budgets = budgets;
        this.taskCallsBefore = taskCallsBefore;
        this.taskTokensBefore = taskTokensBefore;
        this.deadline = Instant.now().plus(budgets.itemTime());
    }

    @Override
    public List<ToolSpec> tools() {
        return TOOLS;
    }

    @Override
    public String call(String name, String arguments) {
        checkBudgets(name, arguments);
        long start = System.nanoTime();
        String result;
        boolean ok;
        try {
            result = run(name, arguments == null || arguments.isBlank() ? "{}" : arguments);
            ok = true;
        } catch (IllegalArgumentException | IOException | UncheckedIOException | DomainException e) {
            result = ERROR + e.getMessage();
            ok = false;
        }
        recorder.accept(new ToolCall(item.taskId(), item.agentName(), item.text(), name, arguments == null ? "" : arguments,
                result, ok, Duration.ofNanos(System.nanoTime() - start).toMillis(), Instant.now()));
        return result;
    }

    @Override
    public void spent(long spentTokens) {
        tokens += Math.max(0, spentTokens);
        if (tokens > budgets.itemTokens()) {
            throw new WorkStoppedException("The item '" + item.text() + "' used " + tokens + " tokens, past its budget of "
                    + budgets.itemTokens() + " (helix.tools.item.max-tokens)");
        }
        if (taskTokensBefore + tokens > budgets.taskTokens()) {
            throw new WorkStoppedException("The task used " + (taskTokensBefore + tokens) + " tokens, past its budget of "
                    + budgets.taskTokens() + " (helix.tools.task.max-tokens)");
        }
    }

    private void checkBudgets(String name, String arguments) {
        if (Thread.currentThread().isInterrupted()) {
            throw new WorkStoppedException("The work on '" + item.text() + "' was stopped: its task was cancelled");
        }
        String signature = name + " " + arguments;
        repeats = signature.equals(lastCall) ? repeats + 1 : 1;
        lastCall = signature;
        if (repeats >= ToolBudgets.REPEATS) {
            throw new WorkStoppedException("The model called " + name + " with the same arguments " + repeats
                    + " times in a row; its work on '" + item.text() + "' was stopped as a loop");
        }
        if (++calls > budgets.itemCalls()) {
            throw new WorkStoppedException("The item '" + item.text() + "' took more than " + budgets.itemCalls()
                    + " tool calls (helix.tools.item.max-calls)");
        }
        if (taskCallsBefore + calls > budgets.taskCalls()) {
            throw new WorkStoppedException("The task took more than " + budgets.taskCalls() + " tool calls (helix.tools.task.max-calls)");
        }
        if (Instant.now().isAfter(deadline)) {
            throw new WorkStoppedException("The item '" + item.text() + "' ran past its " + budgets.itemTime()
                    + " (helix.tools.item.max-time)");
        }
    }

    private String run(String name, String arguments) throws IOException {
        JsonObject args = parse(arguments);
        return switch (name) {
            case LIST_FILES -> files.list(text(args, "path"));
            case READ_FILE -> files.read(text(args, "path"));
            case WRITE_FILE -> files.write(text(args, "path"), text(args, "content"));
            case EDIT_FILE -> files.edit(text(args, "path"), text(args, "old_text"), text(args, "new_text"));
            case SEARCH -> files.search(text(args, "text"), text(args, "path"));
            case RUN_COMMAND -> runCommand.apply(text(args, "command"));
            case GIT_DIFF -> {
                String changes = diff.get();
                yield changes.isEmpty() ? "no changes since the last commit" : changes;
            }
            default -> throw new IllegalArgumentException("there is no tool '" + name + "'; the tools are "
                    + TOOLS.stream().map(ToolSpec::name).toList());
        };
    }

    private static JsonObject parse(String arguments) {
        try {
            JsonValue value = JsonText.read(arguments);
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the arguments are not valid JSON (" + e.getMessage() + "); give a JSON object");
        }
        throw new IllegalArgumentException("the arguments must be a JSON object");
    }

    private static String text(JsonObject args, String key) {
        JsonValue value = args.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new IllegalArgumentException(key + " must be a string");
    }
}
