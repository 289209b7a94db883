package dev.helix.providers.port;

import dev.helix.providers.model.ToolSpec;
import java.util.List;

/**
 * The tools an agent's model works with on one checklist item, run by Helix inside the task's worktree. A call's
 * result is text for the model, its own mistakes included ("no such file"); a call that must end the work (a budget
 * spent, the same call repeated) throws instead, and the step fails with that reason.
 */
public interface Toolbox {

    /** Lists the files under a folder of the worktree. */
    String LIST_FILES = "list_files";
    /** Reads a file of the worktree. */
    String READ_FILE = "read_file";
    /** Writes a whole file of the worktree. */
    String WRITE_FILE = "write_file";
    /** Replaces one exact piece of text in a file of the worktree. */
    String EDIT_FILE = "edit_file";
    /** Searches the worktree's files for a text. */
    String SEARCH = "search";
    /** Runs a command (by default the project's test command) in the sandbox, in the worktree. */
    String RUN_COMMAND = "run_command";
    /** What the worktree changed since the branch's last commit, as a unified diff. */
    String GIT_DIFF = "git_diff";
    /** What a failed call's result starts with. */
    String ERROR = "error: ";

    /** The tools on offer; none for a task that works in no project. */
    List<ToolSpec> tools();

    /** Runs the named tool with its arguments, a JSON object as the model wrote it, and returns what it gave. */
    String call(String name, String arguments);

    /** Counts tokens a model call spent on the item, against the item's and the task's budgets. */
    void spent(long tokens);
}
