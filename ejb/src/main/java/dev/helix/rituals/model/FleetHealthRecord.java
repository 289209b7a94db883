package dev.helix.rituals.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The fleet health figures a Z-88 run sealed (JSON). */
@Entity
@Table(name = "fleet_health")
public class FleetHealthRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ritual_run_id", nullable = false)
    private Long ritualRunId;

    @Column(name = "taken_at", nullable = false)
    private Instant takenAt;

    @Column(nullable = false, length = 4000)
    private String figures;

    protected FleetHealthRecord() {
    }

    public FleetHealthRecord(long ritualRunId, Instant takenAt, String figures) {
        this.ritualRunId = ritualRunId;
        this.takenAt = takenAt;
        this.figures = figures;
    }

    public Long getId() {
        return id;
    }

    public Long getRitualRunId() {
        return ritualRunId;
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public String getFigures() {
        return figures;
    }
}
