package dev.helix.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Liberty server of the test installation that a test starts, kills and restarts itself, with Helix's EAR
 * in its dropins: for tests that must crash a server, which Arquillian's managed server cannot be.
 */
final class StandaloneServer {

    private final Path wlp = Path.of(System.getProperty("helix.it.wlp", "target/liberty/wlp"));
    private final String name;
    private final String baseUrl;

    StandaloneServer(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * Deploys the EAR under test, starts the server and waits until Helix answers. A server of that name left
     * running by an aborted earlier run is stopped first.
     */
    void start() {
        run("stop");
        try {
            Path dropins = Files.createDirectories(wlp.resolve("usr/servers/" + name + "/dropins"));
            Files.copy(Path.of(System.getProperty("helix.it.ear", "target/helix.ear")), dropins.resolve("helix.ear"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("start");
        awaitHelix(Duration.ofMinutes(4));
    }

    /**
     * Makes this server, anew, of Helix's production server folder (the zip the container image copies), configured
     * as the image is: by environment variables only, here in the folder's {@code server.env}.
     */
    void installFrom(Path serverZip, Map<String, String> environment) {
        run("stop");
        try {
            Path folder = folder();
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(serverZip))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    Path target = folder.resolve(entry.getName()).normalize();
                    if (!target.startsWith(folder)) {
                        throw new IllegalStateException("an entry outside the server folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(folder.resolve("server.env"), environment.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the server's JVM at once (SIGKILL): no shutdown hooks, no orderly stop, like a power cut. */
    void kill() {
        ProcessHandle process = process();
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Waits until the server's JVM has ended by itself (a fault point halted it). */
    void awaitDeath(Duration timeout) {
        ProcessHandle process = process();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("server " + name + " was still running after " + timeout);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's own folder, where its configuration and data live. */
    Path folder() {
        return wlp.resolve("usr/servers/" + name);
    }

    private ProcessHandle process() {
        try {
            long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).strip());
            return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines of the server's log (since its latest start) contain the text. */
    long logLines(String text) {
        try (var lines = Files.lines(folder().resolve("logs/messages.log"))) {
            return lines.filter(line -> line.contains(text)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the transaction service said about recovery at the latest start, e.g. "recovering 2 transactions". */
    String recoveryReport() {
        try (var lines = Files.lines(wlp.resolve("usr/servers/" + name + "/logs/messages.log"))) {
            return lines.filter(l -> l.contains("WTRN0027I") || l.contains("WTRN0028I") || l.contains("WTRN0135I"))
                    .reduce((first, second) -> second).map(l -> l.substring(l.indexOf("WTRN"))).orElse("no recovery message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        run("stop");
    }

    private void run(String action) {
        try {
            Process process = new ProcessBuilder(List.of(wlp.resolve("bin/server").toString(), action, name))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            // "server stop" answers 1 when the server was not running and 2 when there is no such server yet, which is
            // fine for a clean-up.
            if (exit != 0 && !(action.equals("stop") && (exit == 1 || exit == 2))) {
                throw new IllegalStateException("'server " + action + " " + name + "' failed with exit code " + exit
                        + "; see " + wlp.resolve("usr/servers/" + name + "/logs"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHelix(Duration timeout) {
        HelixClient admin = HelixClient.admin().at(baseUrl);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (admin.get("/api/v1/agents/pool").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            HelixClient.sleep(500);
        }
        throw new AssertionError("server " + name + " did not serve Helix within " + timeout);
    }
}
