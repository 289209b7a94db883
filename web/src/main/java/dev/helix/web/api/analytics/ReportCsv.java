package dev.helix.web.api.analytics;

import dev.helix.analytics.model.AnalyticsReport;
import dev.helix.analytics.model.Series;
import dev.helix.web.api.Csv;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A report as CSV: one row per bucket of every series (the UCF dimensions are the {@code ucf.*} series). */
final class ReportCsv {

    static final String HEADER = "series,unit,resolution,at,value,samples,least,greatest\r\n";

    private ReportCsv() {
    }

    static String of(AnalyticsReport report) {
        return HEADER + report.series().stream().flatMap(ReportCsv::rows).collect(Collectors.joining());
    }

    private static Stream<String> rows(Series series) {
        return series.points().stream().map(p -> Csv.row(Stream.of(series.metric().seriesName(), series.metric().unit(),
                series.resolution().label(), p.at(), p.value(), p.samples(), p.least(), p.greatest())));
    }
}
