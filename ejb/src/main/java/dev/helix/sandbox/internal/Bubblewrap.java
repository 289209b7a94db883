package dev.helix.sandbox.internal;

import dev.helix.sandbox.model.SandboxLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs a shell command under bubblewrap: in new namespaces (no network but its own loopback,
 * its own processes, nothing shared), the system's {@code /usr} and a few files of {@code /etc} read-only, a fresh
 * {@code /tmp}, the work directory as {@code /work} the only other writable place, the root read-only, an environment
 * of nothing but {@code PATH}, {@code HOME}, {@code LANG} and {@code TMPDIR}, and the limits set as resource limits
 * ({@code prlimit}). When Helix runs as root, bubblewrap sets the sandbox up as root and the command inside runs as
 * a user of its own ({@code setpriv}), so the process limit counts only that command's processes.
 */
public final class Bubblewrap {

    /** Files of {@code /etc} a toolchain needs (alternatives point at the installed JDK, for one); nothing else. */
    private static final List<String> ETC = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/java-17-openjdk", "/etc/ssl", "/etc/localtime", "/etc/passwd", "/etc/group",
            "/etc/nsswitch.conf");

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

    /**
     * @param uid the user to run the command as, or {@code null} to stay the server's user (when it is not root)
     */
    public List<String> commandLine(Path workDir, String command, SandboxLimits limits, Integer uid) {
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
        for (String file : ETC) {
            line.addAll(List.of("--ro-bind-try", file, file));
        }
        line.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp",
                "--bind", workDir.toAbsolutePath().toString(), "/work",
                "--remount-ro", "/",
                "--clearenv", "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin", "--setenv", "HOME", "/tmp",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp", "--"));
        if (uid != null) {
            line.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--no-new-privs", "--"));
        }
        // Into /work as the command's own user: bubblewrap itself, without its capabilities, may not enter it.
        line.addAll(List.of("/bin/sh", "-c", "cd /work && exec /bin/sh -c \"$0\"", command));
        return line;
    }

}
