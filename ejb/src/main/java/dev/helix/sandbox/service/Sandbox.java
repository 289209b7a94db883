package dev.helix.sandbox.service;

import dev.helix.sandbox.internal.Bubblewrap;
import dev.helix.sandbox.internal.Docker;
import dev.helix.sandbox.internal.Isolation;
import dev.helix.sandbox.internal.Programs;
import dev.helix.sandbox.internal.SandboxRun;
import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import dev.helix.sandbox.model.SandboxStatus;
import dev.helix.sandbox.model.SandboxUnavailableException;
import dev.helix.shared.model.Abbreviation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a command on behalf of an agent, isolated by bubblewrap ({@link Bubblewrap}, the default) or in a Docker
 * container ({@link Docker}, {@code helix.sandbox.isolation=docker}) within {@link SandboxLimits}, and says which
 * isolation is in use. Whether the isolation works here is found out by running a command under it, once (and again
 * at most every minute while it does not): where it does not, every command is refused with a
 * {@link SandboxUnavailableException}; none is ever run unsandboxed.
 */
@ApplicationScoped
public class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final Duration PROBE_AGAIN_AFTER = Duration.ofMinutes(1);

    @Inject
    @ConfigProperty(name = "helix.sandbox.isolation", defaultValue = "bubblewrap")
    String isolationName;

    @Inject
    @ConfigProperty(name = "helix.sandbox.bwrap", defaultValue = "bwrap")
    String bwrap;

    @Inject
    @ConfigProperty(name = "helix.sandbox.docker", defaultValue = "docker")
    String docker;

    @Inject
    @ConfigProperty(name = "helix.sandbox.first-uid", defaultValue = "200000")
    int firstUid;

    @Inject
    @ConfigProperty(name = "helix.sandbox.users", defaultValue = "32")
    int users;

    @Inject
    @ConfigProperty(name = "helix.sandbox.gid", defaultValue = "65534")
    int gid;

    private Isolation isolation;
    /** The users free to run a command as, when Helix runs as root; {@code null} otherwise. */
    private BlockingQueue<Integer> freeUids;
    private volatile SandboxStatus status;
    private volatile Instant probedAt = Instant.MIN;

    /**
     * A sandbox outside a container (tools, tests and benchmarks), with the settings a server would read:
     * {@code isolation} {@code bubblewrap} or {@code docker}, run by {@code program}.
     */
    public static Sandbox standalone(String isolation, String program, int firstUid, int users, int gid) {
        Sandbox sandbox = new Sandbox();
        sandbox.isolationName = isolation;
        sandbox.bwrap = program;
        sandbox.docker = program;
        sandbox.firstUid = firstUid;
        sandbox.users = users;
        sandbox.gid = gid;
        sandbox.init();
        return sandbox;
    }

    @PostConstruct
    void init() {
        if ("docker".equalsIgnoreCase(isolationName.strip())) {
            isolation = new Docker(docker, gid);
        } else {
            if (!"bubblewrap".equalsIgnoreCase(isolationName.strip())) {
                LOG.severe(() -> "helix.sandbox.isolation must be bubblewrap or docker, not '" + isolationName + "'; using bubblewrap");
            }
            isolation = new Bubblewrap(bwrap, gid);
        }
        if (runningAsRoot()) {
            freeUids = new ArrayBlockingQueue<>(Math.max(1, users));
            for (int i = 0; i < Math.max(1, users); i++) {
                freeUids.add(firstUid + i);
            }
        }
    }

    /**
     * Runs the shell command in the work directory (seen as {@code /work}) and returns how it ended. As root, each
     * command runs as a user of its own, one of {@code helix.sandbox.users}; when all are taken, a command waits up
     * to a minute for one.
     */
    public CommandResult run(Path workDir, String command, SandboxLimits limits) {
        SandboxStatus now = status();
        if (!now.available()) {
            throw new SandboxUnavailableException("The command was not run: " + now.detail());
        }
        Integer uid = takeUid();
        String runId = "helix-sandbox-" + UUID.randomUUID();
        boolean exited = false;
        try {
            handOver(workDir, uid);
            CommandResult result = SandboxRun.run(isolation.commandLine(workDir, command, limits, uid, runId), limits.wallTime(),
                    limits.outputBytes());
            exited = result.ending() == CommandResult.Ending.EXITED;
            if (exited && isolation.failedToStart(result)) {
                status = null; // found out again at the next command
                throw new SandboxUnavailableException("The command was not run: " + isolation.name() + " could not start it ("
                        + Abbreviation.firstLine(result.output(), 300) + ")");
            }
            return result;
        } finally {
            if (!exited) {
                isolation.cleanUp(runId);
            }
            if (uid != null) {
                freeUids.add(uid);
            }
        }
    }

    private Integer takeUid() {
        if (freeUids == null) {
            return null;
        }
        try {
            Integer uid = freeUids.poll(1, TimeUnit.MINUTES);
            if (uid == null) {
                throw new SandboxUnavailableException("The command was not run: all " + users + " sandbox users stayed busy "
                        + "for a minute");
            }
            return uid;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxUnavailableException("The command was not run: interrupted while waiting for a sandbox user");
        }
    }

    public SandboxStatus status() {
        SandboxStatus known = status;
        if (known != null && (known.available() || Instant.now().isBefore(probedAt.plus(PROBE_AGAIN_AFTER)))) {
            return known;
        }
        return probe();
    }

    private synchronized SandboxStatus probe() {
        probedAt = Instant.now();
        SandboxLimits limits = SandboxLimits.defaults();
        String name = isolation.name() + " ('" + isolation.program() + "')";
        if (!Programs.installed(isolation.program())) {
            status = unavailable(name + " is not installed");
            return status;
        }
        try {
            isolation.prepare();
            Path dir = Files.createTempDirectory("helix-sandbox-probe");
            Integer uid = freeUids == null ? null : firstUid;
            try {
                handOver(dir, uid);
                String runId = "helix-sandbox-probe-" + UUID.randomUUID();
                CommandResult result = SandboxRun.run(isolation.commandLine(dir, "exit 0", limits.withWallTime(Duration.ofSeconds(20)),
                        uid, runId), Duration.ofSeconds(60), 4096);
                status = result.succeeded()
                        ? new SandboxStatus(isolation.name(), true, isolation.version().orElse(null), runsAs(), limits,
                                isolation.description())
                        : unavailable(isolation.name() + " could not isolate a command here ("
                                + Abbreviation.firstLine(result.output(), 300) + ")");
            } finally {
                Files.deleteIfExists(dir);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            status = unavailable(name + " cannot be started: " + e.getMessage());
        }
        return status;
    }

    private SandboxStatus unavailable(String why) {
        return new SandboxStatus("none", false, null, runsAs(), SandboxLimits.defaults(), why + "; " + isolation.remedy());
    }

    /** The users commands run as, e.g. {@code uids 200000 to 200031, gid 65534}, or the server's own. */
    private String runsAs() {
        return freeUids == null ? "the server's user" : "uids " + firstUid + " to " + (firstUid + Math.max(1, users) - 1)
                + " (one per command running), gid " + gid;
    }

    /** Makes the work directory the command's user's, so it may write there (only when Helix runs as root). */
    private void handOver(Path workDir, Integer uid) {
        if (uid == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!uid.equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                    Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the work directory could not be handed to the sandbox's user: " + e.getMessage(), e);
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
