package dev.helix.benchmarks;

import java.util.List;

/**
 * Throughput and latency percentiles of one measured run; shared by the harness and the probe WAR, which measures
 * inside the server.
 */
public record LatencySummary(int count, double seconds, double perSecond, double p50Millis, double p99Millis,
        double maxMillis) {

    public static LatencySummary of(List<Long> latencyNanos, long wallNanos) {
        long[] sorted = latencyNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = wallNanos / 1e9;
        return new LatencySummary(sorted.length, seconds, sorted.length / seconds, millis(percentile(sorted, 50)),
                millis(percentile(sorted, 99)), millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Override
    public String toString() {
        return "%d done in %.1f s: %.2f/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(count, seconds,
                perSecond, p50Millis, p99Millis, maxMillis);
    }
}
