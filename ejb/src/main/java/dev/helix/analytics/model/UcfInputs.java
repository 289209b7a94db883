package dev.helix.analytics.model;

/**
 * The measured facts the UCF index is computed from, over its window (the last hour by default).
 *
 * @param deliveries         work orders an agent completed a step for (the hand-offs that succeeded)
 * @param deliveryFailures   deliveries of work orders that failed
 * @param approved           reviews that approved an agent's spec or implementation
 * @param rejected           reviews that rejected one
 * @param tasksWithFailures  tasks that had a failed delivery
 * @param recovered          of those, the tasks that did not end failed
 * @param agents             agents running (not stopped)
 * @param healthyAgents      of those, the agents not failed
 * @param utilisation        mean share of running agents that were working
 * @param tasksDone          tasks that reached DONE
 * @param doneWithoutRework  of those, the tasks no reviewer ever rejected
 * @param tasksFailed        tasks that failed
 * @param anomalousSeries    series with an anomaly
 * @param series             series scanned for anomalies
 * @param throughputPerHour  tasks done per hour
 * @param baselinePerHour    tasks done per hour over the baseline period before the window; 0 when there is none
 */
public record UcfInputs(long deliveries, long deliveryFailures, long approved, long rejected, long tasksWithFailures,
                        long recovered, long agents, long healthyAgents, double utilisation, long tasksDone,
                        long doneWithoutRework, long tasksFailed, long anomalousSeries, long series,
                        double throughputPerHour, double baselinePerHour) {
}
