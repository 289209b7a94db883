package dev.helix.compute.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether this JVM keeps its own signal handlers when native code installs others. OpenCL runtimes built on LLVM
 * (PoCL, and the kernel compilers of several GPU drivers) put LLVM's one-shot handlers for SIGSEGV and SIGBUS in
 * place of the JVM's when they build a kernel. The JVM raises those signals on purpose (implicit null checks,
 * safepoint polls), so from then on an ordinary null check kills the process. The JDK's signal-chaining library,
 * {@code libjsig.so}, preloaded into the process, keeps the JVM's handlers first and calls the others after them.
 * Only Linux is checked: it is where Helix's servers run, and where the library is found in the process's maps.
 */
final class SignalChaining {

    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final String LIBRARY = "libjsig.so";

    private SignalChaining() {
    }

    /** True when the signal-chaining library is loaded (or this is not Linux). */
    static boolean inPlace() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return true;
        }
        try (Stream<String> maps = Files.lines(MAPS)) {
            return maps.anyMatch(mapping -> mapping.endsWith("/" + LIBRARY));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** What to do when it is not. */
    static String remedy() {
        return "start the JVM with LD_PRELOAD=" + Path.of(System.getProperty("java.home"), "lib", LIBRARY);
    }
}
