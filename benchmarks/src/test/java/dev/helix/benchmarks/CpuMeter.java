package dev.helix.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU time spent, between two readings, by Helix's servers (each one's process CPU time, from its MicroProfile
 * Metrics) and by the whole machine (every process: the servers, the database, the broker, the harness; from
 * {@code /proc/stat}, where it is). Divided by the tasks done in between, it is the work a task costs, which shows
 * what another machine would add where the servers share one machine's cores.
 */
final class CpuMeter {

    private static final Pattern PROCESS_CPU = Pattern.compile("(?m)^cpu_processCpuTime_seconds\\{[^}]*} ([0-9.Ee+-]+)");
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux's clock ticks per second (USER_HZ), the unit of /proc/stat. */
    private static final double TICKS_PER_SECOND = 100;

    private final List<HelixConnection> servers;

    CpuMeter(List<HelixConnection> servers) {
        this.servers = List.copyOf(servers);
    }

    /** One reading: the servers' CPU seconds together, and the machine's busy CPU seconds (NaN where unknown). */
    record Reading(double serverSeconds, double machineSeconds) {

        /** The CPU seconds per task from this reading to a later one, over {@code tasks} tasks. */
        Reading perTask(Reading later, int tasks) {
            return new Reading((later.serverSeconds - serverSeconds) / tasks, (later.machineSeconds - machineSeconds) / tasks);
        }
    }

    Reading read() {
        double servers = this.servers.stream().mapToDouble(CpuMeter::processSeconds).sum();
        return new Reading(servers, machineSeconds());
    }

    private static double processSeconds(HelixConnection server) {
        String metrics = server.text("/metrics?scope=base");
        Matcher cpu = PROCESS_CPU.matcher(metrics);
        if (!cpu.find()) {
            throw new IllegalStateException("no cpu_processCpuTime_seconds in the server's base metrics");
        }
        return Double.parseDouble(cpu.group(1));
    }

    /** Busy time of all CPUs (user, nice, system, irq, softirq, steal), from the first line of /proc/stat. */
    private static double machineSeconds() {
        if (!Files.isReadable(PROC_STAT)) {
            return Double.NaN;
        }
        try {
            long[] ticks = Arrays.stream(Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+")).skip(1)
                    .mapToLong(Long::parseLong).toArray();
            long idle = ticks[3] + ticks[4];
            long total = Arrays.stream(ticks).limit(8).sum();
            return (total - idle) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
