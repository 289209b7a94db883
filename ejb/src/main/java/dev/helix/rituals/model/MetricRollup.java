package dev.helix.rituals.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The task and agent counters at one moment, rolled up by the metrics ritual (counts by status, as JSON). */
@Entity
@Table(name = "metric_rollup")
public class MetricRollup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ritual_run_id")
    private Long ritualRunId;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(nullable = false, length = 2000)
    private String tasks;

    @Column(nullable = false, length = 2000)
    private String agents;

    protected MetricRollup() {
    }

    public MetricRollup(Long ritualRunId, Instant takenAt, String tasks, String agents) {
        this.ritualRunId = ritualRunId;
        this.takenAt = takenAt;
        this.tasks = tasks;
        this.agents = agents;
    }

    public Long getId() {
        return id;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public String getTasks() {
        return tasks;
    }

    public String getAgents() {
        return agents;
    }
}
