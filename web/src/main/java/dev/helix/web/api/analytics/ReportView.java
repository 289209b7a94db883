package dev.helix.web.api.analytics;

import dev.helix.analytics.model.AnalyticsReport;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfReading;
import java.time.Instant;
import java.util.List;

/** A report as JSON: every series over the range, the UCF index now and over the range, the anomalies. */
public record ReportView(Instant generatedAt, Instant from, Instant to, String resolution, List<SeriesView> series,
                         UcfIndex ucf, List<UcfReading> ucfHistory, List<AnomalyView> anomalies) {

    static ReportView of(AnalyticsReport r) {
        return new ReportView(r.generatedAt(), r.from(), r.to(), r.resolution().label(),
                r.series().stream().map(SeriesView::of).toList(), r.ucf(), r.ucfHistory(),
                r.anomalies().stream().map(AnomalyView::of).toList());
    }
}
