package dev.helix.tasks.service;

import dev.helix.projects.model.Project;
import dev.helix.projects.service.Projects;
import dev.helix.projects.service.TaskWorktrees;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.model.ToolSpec;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.port.Toolbox;
import dev.helix.providers.port.Transcript;
import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import dev.helix.sandbox.service.Sandbox;
import dev.helix.shared.model.PositiveCount;
import dev.helix.shared.model.PositiveDuration;
import dev.helix.tasks.internal.WorktreeFiles;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.ToolBudgets;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.ToolCall;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Works one checklist item, outside any transaction: in a task of a project, the agent's model works in the task's
 * worktree with its tools ({@link WorktreeToolbox}), and what it changed becomes the item's commit on the task's
 * branch. An item whose commit is on the branch already (the server went down between the commit and its record) is
 * not worked again. A task of no project has no tools: its model only reports on the item.
 */
@ApplicationScoped
public class ItemWork {

    private static final Logger LOG = Logger.getLogger(ItemWork.class.getName());
    private static final int MAX_OUTPUT_FOR_MODEL = 8000;
    private static final Toolbox NO_TOOLS = new Toolbox() {
        @Override
        public List<ToolSpec> tools() {
            return List.of();
        }

        @Override
        public String call(String name, String arguments) {
            return ERROR + "this task works in no project, so there are no tools";
        }

        @Override
        public void spent(long tokens) {
            // a task in no project has nothing to spend tokens on but its model's answer, counted on the agent
        }
    };

    @Inject
    Projects projects;

    @Inject
    TaskWorktrees worktrees;

    @Inject
    Sandbox sandbox;

    @Inject
    TaskActivity activity;

    @Inject
    TaskService tasks;

    @Inject
    @ConfigProperty(name = "helix.tools.item.max-calls", defaultValue = "50")
    int itemCalls;

    @Inject
    @ConfigProperty(name = "helix.tools.item.max-tokens", defaultValue = "200000")
    long itemTokens;

    @Inject
    @ConfigProperty(name = "helix.tools.item.max-time", defaultValue = "PT20M")
    Duration itemTime;

    @Inject
    @ConfigProperty(name = "helix.tools.task.max-calls", defaultValue = "500")
    int taskCalls;

    @Inject
    @ConfigProperty(name = "helix.tools.task.max-tokens", defaultValue = "2000000")
    long taskTokens;

    @Inject
    @ConfigProperty(name = "helix.tools.command.max-time", defaultValue = "PT5M")
    Duration commandTime;

    /**
     * A fault point for crash tests: while the file it names exists, the server halts right after an item's commit,
     * before the item is recorded (the file is removed first, so it fires once). Unset in production.
     */
    @Inject
    @ConfigProperty(name = "helix.faults.halt-after-item-commit")
    Optional<String> haltAfterCommit;

    private ToolBudgets budgets;

    @PostConstruct
    void checkSettings() {
        budgets = new ToolBudgets((int) PositiveCount.checked("helix.tools.item.max-calls", itemCalls, 50),
                PositiveCount.checked("helix.tools.item.max-tokens", itemTokens, 200_000),
                PositiveDuration.checked("helix.tools.item.max-time", itemTime, Duration.ofMinutes(20)),
                (int) PositiveCount.checked("helix.tools.task.max-calls", taskCalls, 500),
                PositiveCount.checked("helix.tools.task.max-tokens", taskTokens, 2_000_000));
        commandTime = PositiveDuration.checked("helix.tools.command.max-time", commandTime, Duration.ofMinutes(5));
    }

    /** Works the step's item and returns what the agent reports; the model's calls go to the transcript. */
    public StepResult work(ClaimedStep step, ModelProvider provider, Transcript transcript) {
        if (step.projectId() == null) {
            return provider.work(step.work(), NO_TOOLS, step.model(), transcript);
        }
        Project project = projects.find(step.projectId());
        long taskId = step.taskId();
        Task task = tasks.task(taskId);
        long callsSoFar = activity.count(taskId);
        if (callsSoFar == 0 && Checklist.parse(task.getPlan()).doneCount() == 0) {
            // The task's first item: a branch or worktree of its id can only be an earlier task's (a database started afresh).
            worktrees.startAfresh(project, taskId);
        }
        Optional<String> earlier = worktrees.itemCommit(project, taskId, step.itemNumber());
        if (earlier.isPresent()) {
            return new StepResult("Committed as " + shortId(earlier.get()) + " before a restart; not worked again", 0);
        }
        Path worktree = worktrees.prepare(project, taskId);
        WorktreeToolbox tools = new WorktreeToolbox(new WorktreeToolbox.Item(taskId, step.agentName(), step.work().item()),
                new WorktreeFiles(worktree), command -> run(project, worktree, command),
                () -> worktrees.uncommitted(project, taskId), this::record, budgets, callsSoFar, task.getTokensUsed());
        StepResult result = provider.work(step.work(), tools, step.model(), transcript);
        Optional<String> commit = worktrees.commitItem(project, taskId, step.itemNumber(),
                step.work().item() + "\n\n" + result.summary(), step.agentName());
        commit.ifPresent(this::haltIfAsked);
        return commit.map(id -> new StepResult(result.summary() + " (commit " + shortId(id) + ")", result.tokens())).orElse(result);
    }

    private void haltIfAsked(String commit) {
        try {
            if (haltAfterCommit.isPresent() && Files.deleteIfExists(Path.of(haltAfterCommit.get()))) {
                LOG.severe(() -> "Halting after commit " + commit + " as helix.faults.halt-after-item-commit asks");
                Runtime.getRuntime().halt(137);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(Project project, Path worktree, String command) {
        String line = command == null || command.isBlank() ? project.getTestCommand() : command;
        if (line == null) {
            throw new IllegalArgumentException("no command given, and project '" + project.getName() + "' has no test command");
        }
        CommandResult result = sandbox.run(worktree, line, SandboxLimits.defaults().withWallTime(commandTime));
        String output = result.output().length() > MAX_OUTPUT_FOR_MODEL
                ? "… " + result.output().substring(result.output().length() - MAX_OUTPUT_FOR_MODEL) : result.output();
        return "exit " + result.exitCode() + (result.ending() == CommandResult.Ending.EXITED ? "" : " (" + result.ending() + ")")
                + " after " + result.took().toMillis() + " ms: " + line + "\n" + output;
    }

    private void record(ToolCall call) {
        try {
            activity.record(call);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The " + call.getTool() + " call of task " + call.getTaskId() + " could not be recorded", e);
        }
    }

    private static String shortId(String commit) {
        return commit.substring(0, 10);
    }
}
