package dev.helix.analytics.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A reading the metrics collector keeps between runs: the last minute it finished, or a running total. */
@Entity
@Table(name = "metric_cursor")
public class MetricCursor {

    @Id
    private String name;

    @Column(nullable = false)
    private double reading;

    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    @Version
    private long version;

    protected MetricCursor() {
    }

    public MetricCursor(String name, double reading, Instant readAt) {
        this.name = name;
        this.reading = reading;
        this.readAt = readAt;
    }

    public double getReading() {
        return reading;
    }

    /** Takes a new reading and returns how much it grew since the last one (0 when it fell, as after a reset). */
    public double advance(double newReading, Instant at) {
        double growth = Math.max(0, newReading - reading);
        reading = newReading;
        readAt = at;
        return growth;
    }
}
