package dev.helix.analytics.model;

import dev.helix.shared.error.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The series Helix measures about itself (C7), each with its unit, how its buckets aggregate, and its noise
 * floor: the least distance from the expected value that counts as an anomaly, so that one task on a quiet
 * fleet is not an alarm.
 */
public enum Metric {
    TASKS_CREATED("tasks.created", "tasks", "Tasks accepted", Aggregation.SUM, 5),
    TASKS_COMPLETED("tasks.completed", "tasks", "Tasks that reached DONE", Aggregation.SUM, 5),
    TASKS_FAILED("tasks.failed", "tasks", "Tasks that failed", Aggregation.SUM, 2),
    TASK_LATENCY("tasks.latency", "seconds", "Time from acceptance to DONE, mean over the tasks done", Aggregation.MEAN, 120),
    TASKS_OPEN("tasks.open", "tasks", "Tasks accepted and not finished", Aggregation.MEAN, 10),
    AGENT_STEPS("agents.steps", "steps", "Steps agents completed: specs, plans and checklist items", Aggregation.SUM, 20),
    AGENT_ERRORS("agents.errors", "errors", "Deliveries of work orders to agents that failed", Aggregation.SUM, 3),
    AGENT_UTILISATION("agents.utilisation", "ratio", "Working agents / running agents", Aggregation.MEAN, 0.3),
    QUEUE_DEPTH("queue.depth", "messages", "Work orders waiting on the dispatch queue", Aggregation.MEAN, 20),
    TOKENS_USED("tokens.used", "tokens", "Model tokens the agents spent", Aggregation.SUM, 5000),
    UCF_HARMONY("ucf.harmony", "index 0-2", "UCF harmony: hand-offs that succeeded plus reviews that agreed", Aggregation.MEAN, 0.3),
    UCF_RESILIENCE("ucf.resilience", "index 0-2", "UCF resilience: tasks recovered after failures plus agents healthy",
            Aggregation.MEAN, 0.3),
    UCF_PRANA("ucf.prana", "index 0-1", "UCF prana: spare capacity", Aggregation.MEAN, 0.3),
    UCF_DRISHTI("ucf.drishti", "index 0-1", "UCF drishti: work finished without rework", Aggregation.MEAN, 0.3),
    UCF_KLESHA("ucf.klesha", "index 0-1", "UCF klesha: error and anomaly pressure (lower is better)", Aggregation.MEAN, 0.3),
    UCF_ZOOM("ucf.zoom", "index 0-2", "UCF zoom: throughput against its baseline", Aggregation.MEAN, 0.5);

    private final String seriesName;
    private final String unit;
    private final String description;
    private final Aggregation aggregation;
    private final double noiseFloor;

    Metric(String seriesName, String unit, String description, Aggregation aggregation, double noiseFloor) {
        this.seriesName = seriesName;
        this.unit = unit;
        this.description = description;
        this.aggregation = aggregation;
        this.noiseFloor = noiseFloor;
    }

    /** The series' name, e.g. {@code tasks.completed}. */
    public String seriesName() {
        return seriesName;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public Aggregation aggregation() {
        return aggregation;
    }

    /** The least distance from the expected value that may count as an anomaly. */
    public double noiseFloor() {
        return noiseFloor;
    }

    /** The metric of a series name, if there is one. */
    public static Optional<Metric> find(String seriesName) {
        return Arrays.stream(values()).filter(m -> m.seriesName.equals(seriesName)).findFirst();
    }

    /** The six UCF dimensions, in their documented order. */
    public static List<Metric> ucf() {
        return List.of(UCF_HARMONY, UCF_RESILIENCE, UCF_PRANA, UCF_DRISHTI, UCF_KLESHA, UCF_ZOOM);
    }

    /** The metric of a series name; an unknown name is a 404. */
    public static Metric named(String seriesName) {
        return find(seriesName).orElseThrow(() -> new NotFoundException("Metric series", "'" + seriesName + "'"));
    }
}
