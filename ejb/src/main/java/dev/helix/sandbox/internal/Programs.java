package dev.helix.sandbox.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Small runs of the programs an isolation is made of: whether one is installed, and what one prints. A run is given
 * a time: a program that hangs (an engine that stopped answering, for one) is killed then, never waited for.
 */
public final class Programs {

    /** How a run ended: its exit code (-1 when it was killed at its time) and what it printed. */
    record Ended(int exitCode, String output) {

        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static final Duration SHORT = Duration.ofSeconds(30);

    private Programs() {
    }

    /** Whether the program is an executable file, named by its path or found on the {@code PATH}. */
    public static boolean installed(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Arrays.stream(path.split(":")).anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    /** What the command line prints (stdout and stderr), stripped, if it ends well within 30 seconds. */
    static Optional<String> output(List<String> commandLine) {
        try {
            Ended ended = run(commandLine, SHORT);
            return ended.succeeded() && !ended.output().isEmpty() ? Optional.of(ended.output()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the command line to its end or its time, whichever comes first (then it is killed), with what it prints
     * kept in a file rather than a pipe, so nothing waits on a reader.
     */
    static Ended run(List<String> commandLine, Duration time) throws IOException {
        Path printed = Files.createTempFile("helix-program", ".out");
        try {
            Process process = new ProcessBuilder(commandLine).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(printed.toFile()).start();
            int exitCode;
            try {
                if (process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS)) {
                    exitCode = process.exitValue();
                } else {
                    process.destroyForcibly();
                    exitCode = -1;
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + commandLine.get(0) + " ran", e);
            }
            return new Ended(exitCode, Files.readString(printed, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(printed);
        }
    }
}
