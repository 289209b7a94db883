package dev.helix.sandbox.internal;

import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import dev.helix.shared.model.Abbreviation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The command line that runs a shell command in a Docker container on the server's own engine: no network, the root
 * read-only, no capabilities and no new privileges, the server's {@code /usr} and a few files of {@code /etc}
 * mounted read-only (so commands find the same toolchain as under bubblewrap), a fresh {@code /tmp}, the work
 * directory as {@code /work} the only other writable place, an environment of four variables, and the limits set
 * on the container (memory, processes) and as resource limits (CPU time, file size); inside, the command is killed
 * a little after its wall time even should the server die without removing it. The image is Helix's own,
 * {@value #IMAGE}: empty folders and the links of a merged {@code /usr}, made here with {@code docker import} the
 * first time, so nothing is pulled from a registry.
 */
public final class Docker implements Isolation {

    /** The image commands run in, made by {@link #prepare}. */
    public static final String IMAGE = "helix-sandbox:1";
    private static final List<String> FOLDERS = List.of("usr", "etc", "tmp", "work", "proc", "dev", "sys");
    private static final List<String> LINKS = List.of("bin", "sbin", "lib", "lib64");

    private final String docker;
    private final int gid;

    /**
     * @param docker the docker program
     * @param gid    the group commands run in, when they run as a user of their own
     */
    public Docker(String docker, int gid) {
        this.docker = docker;
        this.gid = gid;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String program() {
        return docker;
    }

    @Override
    public void prepare() {
        if (Programs.output(List.of(docker, "image", "inspect", "--format", "{{.Id}}", IMAGE)).isPresent()) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("helix-sandbox-image");
            Path root = Files.createDirectory(dir.resolve("root"));
            for (String folder : FOLDERS) {
                Files.createDirectory(root.resolve(folder));
            }
            // A tmpfs takes the mode of the folder it is mounted on: /tmp must be everyone's, as on any system.
            run(List.of("chmod", "1777", root.resolve("tmp").toString()));
            for (String link : LINKS) {
                Files.createSymbolicLink(root.resolve(link), Path.of("usr", link));
            }
            Path tar = dir.resolve("image.tar");
            run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
            run(List.of(docker, "import", "--message", "Helix sandbox: the server's /usr is mounted read-only", tar.toString(), IMAGE));
        } catch (IOException e) {
            throw new IllegalStateException("its image could not be made (" + e.getMessage() + ")", e);
        } finally {
            delete(dir);
        }
    }

    @Override
    public List<String> commandLine(Path workDir, String command, SandboxLimits limits, Integer uid, String runId) {
        List<String> line = new ArrayList<>(List.of(docker, "run", "--rm", "--name", runId, "--pull", "never",
                "--label", "dev.helix.sandbox=" + runId,
                "--network", "none", "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--pids-limit", Integer.toString(limits.processes()),
                "--memory", Long.toString(limits.memoryBytes()), "--memory-swap", Long.toString(limits.memoryBytes()),
                "--ulimit", "cpu=" + Math.max(1, limits.cpuTime().toSeconds()) + ":" + Math.max(1, limits.cpuTime().toSeconds()),
                "--ulimit", "fsize=" + limits.fileBytes() + ":" + limits.fileBytes(), "--ulimit", "core=0:0",
                "--tmpfs", "/tmp:rw,exec,nosuid,mode=1777",
                "--mount", "type=bind,source=/usr,target=/usr,readonly"));
        for (String file : Toolchain.ETC) {
            if (Files.exists(Path.of(file))) {
                line.addAll(List.of("--mount", "type=bind,source=" + file + ",target=" + file + ",readonly"));
            }
        }
        line.addAll(List.of("--mount", "type=bind,source=" + workDir.toAbsolutePath() + ",target=/work",
                "--user", uid == null ? ownUser() : uid + ":" + gid, IMAGE,
                // Should the server die and leave the container, the command still ends a little after its wall time.
                "/usr/bin/timeout", "--signal=KILL", Long.toString(limits.wallTime().toSeconds() + 10), "/usr/bin/env", "-i"));
        line.addAll(Toolchain.ENVIRONMENT);
        line.addAll(Toolchain.shell(command));
        return line;
    }

    @Override
    public void cleanUp(String runId) {
        Programs.output(List.of(docker, "rm", "--force", runId));
    }

    /** {@code docker run} answers 125 when the engine could not run the container (no image, no engine, bad limits). */
    @Override
    public boolean failedToStart(CommandResult result) {
        return result.exitCode() == 125 && result.output().startsWith("docker");
    }

    @Override
    public Optional<String> version() {
        return Programs.output(List.of(docker, "version", "--format", "{{.Server.Version}}")).map(v -> "Docker " + v);
    }

    @Override
    public String description() {
        return "commands run in Docker containers: no network, the server's /usr read-only, the work directory the only "
                + "writable place besides /tmp";
    }

    @Override
    public String remedy() {
        return "install and start a Docker engine on the server and let Helix's user use it (the docker program and its "
                + "socket), or set helix.sandbox.isolation=bubblewrap";
    }

    /** The server's own user and group, for a command that is not given a user of its own. */
    private static String ownUser() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            Object group = Files.getAttribute(Path.of("/proc/self"), "unix:gid");
            return uid + ":" + group;
        } catch (IOException | UnsupportedOperationException e) {
            return "65534:65534";
        }
    }

    private static void run(List<String> commandLine) throws IOException {
        Programs.Ended ended = Programs.run(commandLine, Duration.ofMinutes(2));
        if (!ended.succeeded()) {
            throw new IOException(commandLine.get(0) + " " + commandLine.get(1) + (ended.exitCode() < 0 ? " did not end in time"
                    : " failed: " + Abbreviation.firstLine(ended.output(), 300)));
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
