package dev.helix.rituals.internal;

import dev.helix.rituals.model.RitualStage;
import dev.helix.analytics.model.ScanReport;
import dev.helix.analytics.service.AnomalyDetection;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Scans every metric series for anomalies on the compute kernels and raises the new ones (C7). */
@ApplicationScoped
public class AnomalyScanStage implements RitualStage {

    @Inject
    AnomalyDetection detection;

    @Override
    public String name() {
        return "anomaly-scan";
    }

    @Override
    public String description() {
        return "Scans every metric series for anomalies and raises alerts for the new ones";
    }

    @Override
    public int steps(Integer runSteps) {
        return 1;
    }

    @Override
    public String perform(StageStep step) {
        ScanReport report = detection.scan(Instant.now(), step.dryRun());
        // The anomalies first, the summary last: a run's summary is its last stage's last line.
        StringBuilder result = new StringBuilder();
        report.found().forEach(anomaly -> result.append(anomaly.describe()).append('\n'));
        return result.append(step.dryRun() ? "would have " : "").append(report.summary()).toString();
    }
}
