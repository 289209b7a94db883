package dev.helix.web.api.analytics;

import dev.helix.analytics.model.Anomaly;
import java.time.Instant;

/** An anomaly as the API shows it: the minute of the series it was found in, and why it stood out. */
public record AnomalyView(Long id, String series, Instant at, double observed, double expected, double score, String method,
                          double threshold, String severity, Instant detectedAt) {

    static AnomalyView of(Anomaly a) {
        return new AnomalyView(a.getId(), a.getSeries(), a.getBucket(), a.getObserved(), a.getExpected(), a.getScore(),
                a.getMethod().name(), a.getThreshold(), a.getSeverity().name(), a.getDetectedAt());
    }
}
