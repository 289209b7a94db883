package dev.helix.sandbox.model;

import java.time.Duration;

/**
 * What a sandboxed command may use before it is stopped: wall-clock time, CPU time, memory (address space),
 * processes, the output it prints and the size of any file it writes.
 */
public record SandboxLimits(Duration wallTime, Duration cpuTime, long memoryBytes, int processes, int outputBytes,
                            long fileBytes) {

    /** Five minutes, 4 GiB, 256 processes, 1 MiB of output, files of at most 1 GiB. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofMinutes(5), Duration.ofMinutes(5), 4L << 30, 256, 1 << 20, 1L << 30);
    }

    public SandboxLimits withWallTime(Duration wall) {
        return new SandboxLimits(wall, cpuTime.compareTo(wall) > 0 ? wall : cpuTime, memoryBytes, processes, outputBytes, fileBytes);
    }

    public SandboxLimits withMemoryBytes(long bytes) {
        return new SandboxLimits(wallTime, cpuTime, bytes, processes, outputBytes, fileBytes);
    }

    public SandboxLimits withProcesses(int count) {
        return new SandboxLimits(wallTime, cpuTime, memoryBytes, count, outputBytes, fileBytes);
    }

    public SandboxLimits withOutputBytes(int bytes) {
        return new SandboxLimits(wallTime, cpuTime, memoryBytes, processes, bytes, fileBytes);
    }
}
