package dev.helix.analytics.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One bucket of one series at one resolution: how many samples it holds, their sum, least and greatest. */
@Entity
@Table(name = "metric_point")
public class MetricPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String series;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Resolution resolution;

    @Column(nullable = false)
    private Instant bucket;

    @Column(nullable = false)
    private long samples;

    @Column(nullable = false)
    private double total;

    @Column(nullable = false)
    private double least;

    @Column(nullable = false)
    private double greatest;

    protected MetricPoint() {
    }

    public MetricPoint(Metric metric, Resolution resolution, Instant bucket) {
        this.series = metric.seriesName();
        this.resolution = resolution;
        this.bucket = bucket;
    }

    /** Adds one sample. */
    public void add(double value) {
        least = samples == 0 ? value : Math.min(least, value);
        greatest = samples == 0 ? value : Math.max(greatest, value);
        samples++;
        total += value;
    }

    /** Makes the bucket hold exactly these samples (a bucket recomputed from its sources or its finer buckets). */
    public void replace(long samples, double total, double least, double greatest) {
        this.samples = samples;
        this.total = total;
        this.least = least;
        this.greatest = greatest;
    }

    /** The point as a reading of its metric. */
    public SeriesPoint reading(Metric metric) {
        return new SeriesPoint(bucket, metric.aggregation().value(samples, total), samples, least, greatest);
    }
}
