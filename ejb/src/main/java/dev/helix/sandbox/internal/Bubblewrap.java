package dev.helix.sandbox.internal;

import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line that runs a shell command under bubblewrap: in new namespaces (no network but its own loopback,
 * its own processes, nothing shared), the system's {@code /usr} and a few files of {@code /etc} read-only, a fresh
 * {@code /tmp}, the work directory as {@code /work} the only other writable place, the root read-only, an environment
 * of nothing but {@code PATH}, {@code HOME}, {@code LANG} and {@code TMPDIR}, and the limits set as resource limits
 * ({@code prlimit}). When Helix runs as root, bubblewrap sets the sandbox up as root and the command inside runs as
 * a user of its own ({@code setpriv}), so the process limit counts only that command's processes.
 */
public final class Bubblewrap implements Isolation {

    private final String bwrap;
    private final int gid;

    /**
     * @param bwrap the bubblewrap program
     * @param gid   the group commands run in, when they run as a user of their own
     */
    public Bubblewrap(String bwrap, int gid) {
        this.bwrap = bwrap;
        this.gid = gid;
    }

    @Override
    public String name() {
        return "bubblewrap";
    }

    @Override
    public String program() {
        return bwrap;
    }

    @Override
    public void prepare() {
        // bubblewrap needs nothing before a command
    }

    @Override
    public List<String> commandLine(Path workDir, String command, SandboxLimits limits, Integer uid, String runId) {
        List<String> line = new ArrayList<>(List.of("prlimit",
                "--cpu=" + Math.max(1, limits.cpuTime().toSeconds()),
                "--as=" + limits.memoryBytes(),
                "--nproc=" + limits.processes(),
                "--fsize=" + limits.fileBytes(),
                "--core=0",
                "--", bwrap));
        // As root no user namespace: the command's user must be the sandbox's real one, for the process limit to count.
        line.addAll(uid == null ? List.of("--unshare-all")
                : List.of("--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"));
        line.addAll(List.of("--die-with-parent", "--new-session",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
                "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64"));
        for (String file : Toolchain.ETC) {
            line.addAll(List.of("--ro-bind-try", file, file));
        }
        line.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp",
                "--bind", workDir.toAbsolutePath().toString(), "/work",
                "--remount-ro", "/", "--clearenv"));
        for (String variable : Toolchain.ENVIRONMENT) {
            line.addAll(List.of("--setenv", variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1)));
        }
        line.add("--");
        if (uid != null) {
            line.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--no-new-privs", "--"));
        }
        // Into /work as the command's own user: bubblewrap itself, without its capabilities, may not enter it.
        line.addAll(Toolchain.shell(command));
        return line;
    }

    @Override
    public void cleanUp(String runId) {
        // bubblewrap dies with its parent (--die-with-parent): a killed run leaves nothing
    }

    @Override
    public boolean failedToStart(CommandResult result) {
        return result.exitCode() == 1 && result.output().startsWith("bwrap: ");
    }

    @Override
    public Optional<String> version() {
        return Programs.output(List.of(bwrap, "--version"));
    }

    @Override
    public String description() {
        return "commands run under bubblewrap: no network, the work directory the only writable place besides /tmp";
    }

    @Override
    public String remedy() {
        return "install Debian's bubblewrap package, and let the server create user namespaces";
    }

}
