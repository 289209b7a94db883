package dev.helix.analytics.model;

import dev.helix.compute.model.AnomalyMethod;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A minute of a series that the anomaly scan flagged: what was observed, what the trailing window expected
 * (its mean or median), the score against the window, the threshold it crossed, and how severe that is.
 */
@Entity
@Table(name = "metric_anomaly")
public class Anomaly {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String series;

    @Column(nullable = false)
    private Instant bucket;

    @Column(nullable = false)
    private double observed;

    @Column(nullable = false)
    private double expected;

    @Column(nullable = false)
    private double score;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AnomalyMethod method;

    @Column(nullable = false)
    private double threshold;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Severity severity;

    @Column(name = "detected_at", nullable = false)
    private Instant detectedAt;

    protected Anomaly() {
    }

    public Anomaly(Finding finding, AnomalyMethod method, double threshold, Instant detectedAt) {
        this.series = finding.metric().seriesName();
        this.bucket = finding.bucket();
        this.observed = finding.observed();
        this.expected = finding.expected();
        this.score = finding.score();
        this.method = method;
        this.threshold = threshold;
        this.severity = finding.severity();
        this.detectedAt = detectedAt;
    }

    public Long getId() {
        return id;
    }

    public String getSeries() {
        return series;
    }

    public Instant getBucket() {
        return bucket;
    }

    public double getObserved() {
        return observed;
    }

    public double getExpected() {
        return expected;
    }

    public double getScore() {
        return score;
    }

    public AnomalyMethod getMethod() {
        return method;
    }

    public double getThreshold() {
        return threshold;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    /** One line for alerts, events and the audit trail. */
    public String describe() {
        return String.format(Locale.ROOT, "%s anomaly in %s at %s: %.4g observed, %.4g expected (score %.2f, threshold %.2f)",
                severity, series, bucket, observed, expected, score, threshold);
    }

    /** How far past its threshold an anomaly is. */
    public enum Severity {
        WARNING, CRITICAL
    }
}
