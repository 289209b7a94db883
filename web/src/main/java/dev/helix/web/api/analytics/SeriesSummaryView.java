package dev.helix.web.api.analytics;

import dev.helix.analytics.model.SeriesPoint;
import dev.helix.analytics.model.SeriesSummary;

/** A series in the catalogue: what it measures and its newest minute ({@code null} before the first). */
public record SeriesSummaryView(String name, String unit, String description, String aggregation, SeriesPoint latest) {

    static SeriesSummaryView of(SeriesSummary s) {
        return new SeriesSummaryView(s.metric().seriesName(), s.metric().unit(), s.metric().description(),
                s.metric().aggregation().name(), s.latest());
    }
}
