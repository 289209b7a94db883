package dev.helix.sandbox.internal;

import java.util.List;

/**
 * What of the server a sandboxed command sees, whichever isolation runs it: the system's {@code /usr} and a few files
 * of {@code /etc} a toolchain needs, read-only; an environment of four variables; a shell that starts in
 * {@code /work}.
 */
final class Toolchain {

    /** Files of {@code /etc} a toolchain needs (alternatives point at the installed JDK, for one); nothing else. */
    static final List<String> ETC = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/java-17-openjdk", "/etc/ssl", "/etc/localtime", "/etc/passwd", "/etc/group",
            "/etc/nsswitch.conf");

    /** The whole environment of a command, as {@code NAME=value}. */
    static final List<String> ENVIRONMENT = List.of("PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/tmp", "LANG=C.UTF-8",
            "TMPDIR=/tmp");

    private Toolchain() {
    }

    /** The shell that runs the command in {@code /work}, entered as the command's own user. */
    static List<String> shell(String command) {
        return List.of("/bin/sh", "-c", "cd /work && exec /bin/sh -c \"$0\"", command);
    }
}
