package dev.helix.analytics.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The UCF fleet-health index (C7): six dimensions over measured facts ({@link UcfInputs}) of one window. A
 * ratio with nothing to measure counts as 1 (nothing went wrong); every value is rounded to three decimals.
 * <ul>
 * <li>harmony (0–2) = deliveries / (deliveries + delivery failures) + approved / (approved + rejected):
 * hand-offs between agents that succeeded, plus reviews that agreed with the agents.</li>
 * <li>resilience (0–2) = recovered / tasks with failures + healthy agents / agents: recovery after failures,
 * plus the fleet still standing.</li>
 * <li>prana (0–1) = 1 − utilisation: spare capacity.</li>
 * <li>drishti (0–1) = done without rework / done: focus, work finished without a rejection.</li>
 * <li>klesha (0–1, lower is better) = 1 − (1 − error rate) × (1 − anomaly rate), where error rate = (tasks
 * failed + delivery failures) / (tasks done + tasks failed + deliveries + delivery failures) and anomaly rate
 * = anomalous series / series: the pressure of either.</li>
 * <li>zoom (0–2) = min(2, throughput / baseline), 1 without a baseline: throughput against its baseline.</li>
 * </ul>
 */
public record UcfIndex(Instant at, Duration window, double harmony, double resilience, double prana, double drishti,
                       double klesha, double zoom, UcfInputs inputs) {

    /** The index of these facts, by the formulas above. */
    public static UcfIndex of(Instant at, Duration window, UcfInputs in) {
        double harmony = ratio(in.deliveries(), in.deliveries() + in.deliveryFailures())
                + ratio(in.approved(), in.approved() + in.rejected());
        double resilience = ratio(in.recovered(), in.tasksWithFailures()) + ratio(in.healthyAgents(), in.agents());
        double prana = 1 - clamp(in.utilisation(), 0, 1);
        double drishti = ratio(in.doneWithoutRework(), in.tasksDone());
        long errors = in.tasksFailed() + in.deliveryFailures();
        double errorRate = 1 - ratio(in.tasksDone() + in.deliveries(), in.tasksDone() + in.deliveries() + errors);
        double anomalyRate = 1 - ratio(in.series() - in.anomalousSeries(), in.series());
        double klesha = 1 - (1 - errorRate) * (1 - anomalyRate);
        double zoom = in.baselinePerHour() <= 0 ? 1 : Math.min(2, in.throughputPerHour() / in.baselinePerHour());
        return new UcfIndex(at, window, round(harmony), round(resilience), round(prana), round(drishti), round(klesha),
                round(zoom), in);
    }

    /** The dimension a UCF metric series records. */
    public double valueOf(Metric dimension) {
        return reading().valueOf(dimension);
    }

    /** The six values as a reading at {@code at}. */
    public UcfReading reading() {
        return new UcfReading(at, harmony, resilience, prana, drishti, klesha, zoom);
    }

    private static double ratio(long part, long whole) {
        return whole <= 0 ? 1 : clamp((double) part / whole, 0, 1);
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
