package dev.helix.sandbox.model;

import java.time.Duration;

/**
 * What came of a sandboxed command: how it ended, its exit code, what it printed (stdout and stderr together, cut at
 * the output limit) and how long it took.
 *
 * @param exitCode the command's exit code; for a command killed by a signal, 128 plus the signal's number
 */
public record CommandResult(Ending ending, int exitCode, String output, boolean outputCut, Duration took) {

    /** How a command ended. */
    public enum Ending {
        /** It exited by itself (with any exit code, or killed by a limit it met itself, e.g. CPU time). */
        EXITED,
        /** It ran past its wall time and was killed. */
        TIMED_OUT,
        /** It printed more than its output limit and was killed. */
        OUTPUT_LIMIT
    }

    public boolean succeeded() {
        return ending == Ending.EXITED && exitCode == 0;
    }
}
