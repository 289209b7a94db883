package dev.helix.sandbox.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.sandbox.model.CommandResult;
import dev.helix.sandbox.model.SandboxLimits;
import dev.helix.sandbox.model.SandboxStatus;
import dev.helix.sandbox.model.SandboxUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bubblewrap sandbox, for real: what a command inside can and cannot do. Needs Debian's bubblewrap. Other
 * isolations pass the same tests ({@link DockerSandboxTest}).
 */
class SandboxTest {

    @TempDir
    Path root;

    private Path work;
    private Sandbox sandbox;

    @BeforeEach
    void aWorkDirectory() throws IOException {
        work = Files.createDirectories(root.resolve("work"));
        Files.writeString(work.resolve("hello.txt"), "hello from the worktree\n");
        sandbox = sandbox(program());
    }

    @Test
    void aCommandRunsInTheWorkDirectoryAndMayChangeIt() throws IOException {
        assertTrue(sandbox.status().available(), sandbox.status().toString());
        assertEquals(isolation(), sandbox.status().isolation());
        CommandResult result = run("pwd; cat hello.txt; echo made > made.txt; exit 3", SandboxLimits.defaults());
        assertEquals(CommandResult.Ending.EXITED, result.ending());
        assertEquals(3, result.exitCode());
        assertEquals("/work\nhello from the worktree\n", result.output());
        assertEquals("made\n", Files.readString(work.resolve("made.txt")));
    }

    @Test
    void thereIsNoNetworkInside() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(500);
            CommandResult result = run("cat /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' '; "
                    + "bash -c 'echo hi > /dev/tcp/127.0.0.1/" + listener.getLocalPort() + "' && echo REACHED; "
                    + "bash -c 'exec 3<>/dev/tcp/1.1.1.1/80' && echo OUT", SandboxLimits.defaults());
            assertEquals("lo", result.output().lines().findFirst().orElse(""), "the only interface is its own loopback: " + result);
            assertFalse(result.output().contains("REACHED") || result.output().contains("OUT"), result.output());
            assertThrows(SocketTimeoutException.class, listener::accept, "the host's loopback was reached from inside");
        }
    }

    @Test
    void nothingOutsideTheWorkDirectoryCanBeWrittenOrEvenSeen() throws IOException {
        Path secret = Files.writeString(root.resolve("beside-the-worktree.txt"), "not for the sandbox");
        CommandResult result = run("for f in /usr/bin/helix-x /etc/helix-x /helix-x /bin/helix-x; do "
                + "touch $f 2>/dev/null && echo WROTE $f; done; "
                + "ls " + secret + " 2>/dev/null && echo SAW; ls " + root + " 2>/dev/null && echo SAW; "
                + "echo scratch > /tmp/scratch && cat /tmp/scratch", SandboxLimits.defaults());
        assertEquals("scratch\n", result.output(), "only /work and /tmp are writable, and nothing else of the host shows");
        assertFalse(Files.exists(Path.of("/usr/bin/helix-x")));
        assertEquals("not for the sandbox", Files.readString(secret));
    }

    @Test
    void theEnvironmentHoldsNoneOfTheServers() {
        CommandResult result = run("env | cut -d= -f1 | sort", SandboxLimits.defaults());
        Set<String> names = Arrays.stream(result.output().split("\n")).filter(n -> !n.isBlank()).collect(Collectors.toSet());
        assertEquals(Set.of("HOME", "LANG", "PATH", "PWD", "OLDPWD", "TMPDIR"), names, result.output());
    }

    @Test
    void aForkBombIsContainedAndKilledAtItsWallTime() {
        SandboxLimits limits = SandboxLimits.defaults().withProcesses(64).withWallTime(Duration.ofSeconds(3));
        // exec, not a fork: while the bomb holds every process the limit allows, the command still waits to be killed.
        CommandResult result = run("bash -c ':(){ :|:& };:' 2>&1; exec sleep 60", limits);
        assertEquals(CommandResult.Ending.TIMED_OUT, result.ending(), result.toString());
        assertTrue(result.output().contains("Resource temporarily unavailable"), "the process limit stopped it: " + result.output());
        assertTrue(result.took().compareTo(Duration.ofSeconds(15)) < 0, result.took().toString());
        CommandResult after = run("echo still here", SandboxLimits.defaults());
        assertEquals("still here\n", after.output(), "nothing of the bomb is left to take the next command's processes");
    }

    @Test
    void aForkBombInOneCommandLeavesTheProcessesOfAnotherRunningBesideIt() throws Exception {
        Path other = Files.createDirectories(root.resolve("other"));
        ExecutorService beside = Executors.newSingleThreadExecutor();
        try {
            Future<CommandResult> bomb = beside.submit(() -> run("bash -c ':(){ :|:& };:' 2>/dev/null; exec sleep 60",
                    SandboxLimits.defaults().withProcesses(64).withWallTime(Duration.ofSeconds(4))));
            Thread.sleep(1500);
            CommandResult meanwhile = sandbox.run(other, "for i in 1 2 3 4 5 6 7 8; do (sleep 0.2 &); done; echo forked",
                    SandboxLimits.defaults().withProcesses(64));
            assertEquals("forked\n", meanwhile.output(), "each command runs as a user of its own: " + meanwhile);
            assertEquals(CommandResult.Ending.TIMED_OUT, bomb.get().ending());
        } finally {
            beside.shutdownNow();
        }
    }

    @Test
    void aMemoryHogFailsAtItsMemoryLimit() {
        CommandResult result = run("head -c 2000000000 /dev/zero | tail -n 1 > /dev/null",
                SandboxLimits.defaults().withMemoryBytes(256L << 20));
        assertEquals(CommandResult.Ending.EXITED, result.ending());
        assertNotEquals(0, result.exitCode());
        assertStoppedByTheMemoryLimit(result);
    }

    @Test
    void aCommandPastItsWallTimeIsKilled() {
        CommandResult result = run("echo started; sleep 60; echo never", SandboxLimits.defaults().withWallTime(Duration.ofSeconds(1)));
        assertEquals(CommandResult.Ending.TIMED_OUT, result.ending());
        assertEquals("started\n", result.output());
        assertTrue(result.took().compareTo(Duration.ofSeconds(10)) < 0, result.took().toString());
    }

    @Test
    void aCommandPrintingPastItsOutputLimitIsKilledWithItsOutputCut() {
        CommandResult result = run("yes helix", SandboxLimits.defaults().withOutputBytes(10_000));
        assertEquals(CommandResult.Ending.OUTPUT_LIMIT, result.ending());
        assertTrue(result.outputCut());
        assertEquals(10_000, result.output().length());
    }

    @Test
    void withoutItsProgramEveryCommandIsRefusedNeverRunUnsandboxed() throws IOException {
        Sandbox none = sandbox(root.resolve("no-such-program").toString());
        SandboxStatus status = none.status();
        assertFalse(status.available());
        assertEquals("none", status.isolation());
        assertTrue(status.detail().startsWith(isolation() + " ('" + root.resolve("no-such-program") + "') is not installed"),
                status.detail());
        SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                () -> none.run(work, "touch ran.txt", SandboxLimits.defaults()));
        assertTrue(refused.getMessage().startsWith("The command was not run: " + isolation()), refused.getMessage());
        assertFalse(Files.exists(work.resolve("ran.txt")));
    }

    /** The isolation under test, as the sandbox's status names it. */
    String isolation() {
        return "bubblewrap";
    }

    /** The program of the isolation. */
    String program() {
        return "bwrap";
    }

    /** A command stopped by the memory limit says so: under bubblewrap, its allocation fails. */
    void assertStoppedByTheMemoryLimit(CommandResult result) {
        assertTrue(result.output().contains("memory exhausted"), result.output());
    }

    private CommandResult run(String command, SandboxLimits limits) {
        return sandbox.run(work, command, limits);
    }

    private Sandbox sandbox(String program) {
        return Sandbox.standalone(isolation(), program, 200_000, 4, 65534);
    }
}
