package dev.helix.sandbox.internal;

import dev.helix.sandbox.model.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one sandbox command line to its end: reads what it prints (stdout and stderr together) up to the output
 * limit, and kills the whole process tree when the wall time runs out, the output limit is passed or the caller
 * is interrupted.
 */
public final class SandboxRun {

    private SandboxRun() {
    }

    public static CommandResult run(List<String> commandLine, Duration wallTime, int outputLimit) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(commandLine).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox could not be started: " + e.getMessage(), e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        AtomicBoolean overflow = new AtomicBoolean();
        Thread reader = new Thread(() -> read(process, output, outputLimit, overflow), "sandbox-output");
        reader.setDaemon(true);
        reader.start();
        CommandResult.Ending ending = CommandResult.Ending.EXITED;
        try {
            if (!process.waitFor(wallTime.toMillis(), TimeUnit.MILLISECONDS)) {
                ending = overflow.get() ? CommandResult.Ending.OUTPUT_LIMIT : CommandResult.Ending.TIMED_OUT;
                kill(process);
            }
            reader.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sandboxed command was interrupted", e);
        }
        if (overflow.get()) {
            ending = CommandResult.Ending.OUTPUT_LIMIT;
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        return new CommandResult(ending, process.exitValue(), text, overflow.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static void read(Process process, ByteArrayOutputStream output, int limit, AtomicBoolean overflow) {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (output) {
                    int room = limit - output.size();
                    output.write(buffer, 0, Math.max(0, Math.min(room, n)));
                    if (n > room) {
                        overflow.set(true);
                        kill(process);
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed or closed its output: what was read stands.
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
