package dev.helix.sandbox.internal;

import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A way to isolate a command: the command line that runs it isolated, within limits, in a work directory seen as
 * {@code /work}, with nothing of the server but its toolchain ({@code /usr}) read-only, no network, and an
 * environment of nothing but {@code PATH}, {@code HOME}, {@code LANG} and {@code TMPDIR}.
 */
public interface Isolation {

    /** The name administrators see: {@code bubblewrap} or {@code docker}. */
    String name();

    /** The program it runs, as configured. */
    String program();

    /** Whatever it needs before a first command (e.g. its image); an {@link IllegalStateException} says what failed. */
    void prepare();

    /**
     * @param uid   the user to run the command as, or {@code null} to stay the server's user (when it is not root)
     * @param runId a name of this run, unique on the server, by which {@link #cleanUp} finds what it left
     */
    List<String> commandLine(Path workDir, String command, SandboxLimits limits, Integer uid, String runId);

    /** Ends what a run killed from outside may have left running (a container, for one). */
    void cleanUp(String runId);

    /** Whether the result is the isolation's own failure to start the command, not the command's. */
    boolean failedToStart(CommandResult result);

    /** The version of its program, when it says. */
    Optional<String> version();

    /** What isolates a command, in a sentence, for the sandbox's status. */
    String description();

    /** What an administrator does where it cannot isolate a command. */
    String remedy();
}
