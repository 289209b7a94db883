package dev.helix.tasks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.port.Toolbox;
import dev.helix.tasks.internal.WorktreeFiles;
import dev.helix.tasks.model.ToolBudgets;
import dev.helix.tasks.model.ToolCall;
import dev.helix.tasks.model.WorkStoppedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorktreeToolboxTest {

    private static final ToolBudgets ROOMY = new ToolBudgets(20, 1000, Duration.ofMinutes(1), 100, 10_000);

    @TempDir
    Path dir;

    private Path worktree;
    private final List<ToolCall> recorded = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();

    @BeforeEach
    void aWorktreeWithAFileAndAnotherOutsideIt() throws Exception {
        worktree = Files.createDirectories(dir.resolve("task-1"));
        Files.writeString(worktree.resolve("greet.sh"), "echo \"Hello, $1\"\n");
        Files.writeString(dir.resolve("secret.txt"), "not yours\n");
    }

    private WorktreeToolbox toolbox(ToolBudgets budgets, long taskCallsBefore, long taskTokensBefore) {
        return new WorktreeToolbox(new WorktreeToolbox.Item(1, "agent-1", "Fix greet"), new WorktreeFiles(worktree),
                command -> {
                    commands.add(command);
                    return "exit 0 after 5 ms: " + command;
                }, () -> "", recorded::add, budgets, taskCallsBefore, taskTokensBefore);
    }

    @Test
    void theFileToolsWorkInTheWorktreeAndEveryCallIsRecorded() throws Exception {
        WorktreeToolbox tools = toolbox(ROOMY, 0, 0);
        assertEquals("echo \"Hello, $1\"\n", tools.call(Toolbox.READ_FILE, "{\"path\":\"greet.sh\"}"));
        assertEquals("replaced 1 occurrence in greet.sh",
                tools.call(Toolbox.EDIT_FILE, "{\"path\":\"greet.sh\",\"old_text\":\"$1\\\"\",\"new_text\":\"$1!\\\"\"}"));
        assertEquals("echo \"Hello, $1!\"\n", Files.readString(worktree.resolve("greet.sh")));
        tools.call(Toolbox.WRITE_FILE, "{\"path\":\"docs/notes.md\",\"content\":\"Hello there\\n\"}");
        assertEquals("docs/notes.md\ngreet.sh", tools.call(Toolbox.LIST_FILES, "{}"));
        assertEquals("docs/notes.md:1: Hello there\ngreet.sh:1: echo \"Hello, $1!\"", tools.call(Toolbox.SEARCH, "{\"text\":\"Hello\"}"));
        assertEquals("exit 0 after 5 ms: null", tools.call(Toolbox.RUN_COMMAND, "{}"), "no command: the project's test command");
        assertEquals("no changes since the last commit", tools.call(Toolbox.GIT_DIFF, "{}"));

        assertEquals(7, recorded.size());
        ToolCall edit = recorded.get(1);
        assertEquals(Toolbox.EDIT_FILE, edit.getTool());
        assertEquals("Fix greet", edit.getItem());
        assertTrue(edit.isSucceeded());
    }

    @Test
    void pathsOutsideTheWorktreeAndMalformedArgumentsAreRefusedToTheModelNotCarriedOut() throws Exception {
        Files.createSymbolicLink(worktree.resolve("escape"), dir);
        WorktreeToolbox tools = toolbox(ROOMY, 0, 0);
        for (String arguments : List.of("{\"path\":\"../secret.txt\"}", "{\"path\":\"" + dir.resolve("secret.txt") + "\"}",
                "{\"path\":\"escape/secret.txt\"}", "{\"path\":", "[1]", "{\"path\":7}")) {
            String answer = tools.call(Toolbox.READ_FILE, arguments);
            assertTrue(answer.startsWith(Toolbox.ERROR), arguments + " gave " + answer);
            assertFalse(answer.contains("not yours"));
        }
        assertTrue(tools.call(Toolbox.WRITE_FILE, "{\"path\":\"escape/planted.txt\",\"content\":\"x\"}").startsWith(Toolbox.ERROR));
        assertFalse(Files.exists(dir.resolve("planted.txt")));
        assertTrue(tools.call("rm_rf", "{}").startsWith(Toolbox.ERROR + "there is no tool 'rm_rf'"));
        assertTrue(recorded.stream().noneMatch(ToolCall::isSucceeded));
    }

    @Test
    void theSameCallThreeTimesInARowIsStoppedAsALoop() {
        WorktreeToolbox tools = toolbox(ROOMY, 0, 0);
        tools.call(Toolbox.LIST_FILES, "{}");
        tools.call(Toolbox.LIST_FILES, "{}");
        tools.call(Toolbox.READ_FILE, "{\"path\":\"greet.sh\"}");
        tools.call(Toolbox.LIST_FILES, "{}");
        tools.call(Toolbox.LIST_FILES, "{}");
        WorkStoppedException loop = assertThrows(WorkStoppedException.class, () -> tools.call(Toolbox.LIST_FILES, "{}"));
        assertTrue(loop.getMessage().contains("3 times in a row"), loop.getMessage());
        assertEquals(5, recorded.size(), "the looping call is not run");
    }

    @Test
    void theItemsAndTheTasksBudgetsEndARunawayWithTheBudgetNamed() {
        WorktreeToolbox fewCalls = toolbox(new ToolBudgets(2, 1000, Duration.ofMinutes(1), 100, 10_000), 0, 0);
        fewCalls.call(Toolbox.LIST_FILES, "{}");
        fewCalls.call(Toolbox.READ_FILE, "{\"path\":\"greet.sh\"}");
        assertTrue(assertThrows(WorkStoppedException.class, () -> fewCalls.call(Toolbox.GIT_DIFF, "{}")).getMessage()
                .contains("helix.tools.item.max-calls"));

        WorktreeToolbox taskNearlySpent = toolbox(ROOMY, 100, 0);
        assertTrue(assertThrows(WorkStoppedException.class, () -> taskNearlySpent.call(Toolbox.LIST_FILES, "{}")).getMessage()
                .contains("helix.tools.task.max-calls"));

        WorktreeToolbox tokens = toolbox(ROOMY, 0, 9_500);
        tokens.spent(400);
        assertTrue(assertThrows(WorkStoppedException.class, () -> tokens.spent(200)).getMessage()
                .contains("helix.tools.task.max-tokens"));
        assertTrue(assertThrows(WorkStoppedException.class, () -> toolbox(ROOMY, 0, 0).spent(1001)).getMessage()
                .contains("helix.tools.item.max-tokens"));

        WorktreeToolbox noTime = toolbox(new ToolBudgets(20, 1000, Duration.ofNanos(1), 100, 10_000), 0, 0);
        assertTrue(assertThrows(WorkStoppedException.class, () -> noTime.call(Toolbox.LIST_FILES, "{}")).getMessage()
                .contains("helix.tools.item.max-time"));
    }
}
