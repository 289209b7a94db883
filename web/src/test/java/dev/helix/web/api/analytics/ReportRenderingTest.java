package dev.helix.web.api.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.helix.analytics.model.AnalyticsReport;
import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.Finding;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.Series;
import dev.helix.analytics.model.SeriesPoint;
import dev.helix.analytics.model.Trend;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfInputs;
import dev.helix.analytics.model.UcfReading;
import dev.helix.compute.model.AnomalyMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private static final Instant FROM = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-21T10:00:00Z");

    private static AnalyticsReport report() {
        Trend rising = new Trend(2, 2, Trend.Direction.RISING);
        Series completed = new Series(Metric.TASKS_COMPLETED, Resolution.HOUR, FROM, TO, List.of(
                new SeriesPoint(FROM, 4, 60, 0, 2), new SeriesPoint(FROM.plusSeconds(3600), 6, 60, 0, 3)), rising, null);
        Series depth = new Series(Metric.QUEUE_DEPTH, Resolution.HOUR, FROM, TO, List.of(),
                new Trend(0, 0, Trend.Direction.FLAT), null);
        UcfIndex ucf = UcfIndex.of(TO, Duration.ofHours(1), new UcfInputs(9, 1, 1, 0, 0, 0, 4, 4, 0.25, 2, 2, 0, 0, 16, 2, 0));
        Anomaly anomaly = new Anomaly(new Finding(Metric.AGENT_ERRORS, FROM.plusSeconds(600), 20, 0, 1.2e7,
                Anomaly.Severity.CRITICAL), AnomalyMethod.ROBUST, 3.5, TO);
        return new AnalyticsReport(TO, FROM, TO, Resolution.HOUR, List.of(completed, depth), ucf,
                List.of(new UcfReading(FROM, 1.9, 2, 0.75, 1, 0.1, 1)), List.of(anomaly));
    }

    @Test
    void theCsvHasARowPerBucketOfEverySeries() {
        assertEquals(ReportCsv.HEADER
                + "\"tasks.completed\",\"tasks\",\"hour\",\"2026-11-21T08:00:00Z\",4.0,60,0.0,2.0\r\n"
                + "\"tasks.completed\",\"tasks\",\"hour\",\"2026-11-21T09:00:00Z\",6.0,60,0.0,3.0\r\n", ReportCsv.of(report()));
    }

    @Test
    void thePdfIsARealDocumentWithTheIndexTheSeriesAndTheAnomalies() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(report(), out);
        PdfReader reader = new PdfReader(out.toByteArray());
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            String all = text.toString();
            assertEquals("Helix analytics report", reader.getInfo().get("Title"));
            assertTrue(all.contains("From 2026-11-21T08:00:00Z to 2026-11-21T10:00:00Z, hour buckets."), all);
            assertTrue(all.contains("harmony 1.900 0-2"), all);
            assertTrue(all.contains("tasks.completed tasks 2 4 5 6 6 2 rising"), all);
            assertTrue(all.contains("queue.depth messages 0 - - - - 0 flat"), all);
            assertTrue(all.contains("Anomalies (1)"), all);
            assertTrue(all.contains("agents.errors CRITICAL 20 0"), all);
            assertTrue(all.contains("UCF history (1 buckets)"), all);
        } finally {
            reader.close();
        }
    }

    @Test
    void theJsonViewNamesSeriesByTheirNames() {
        ReportView view = ReportView.of(report());
        assertEquals("hour", view.resolution());
        assertEquals(List.of("tasks.completed", "queue.depth"), view.series().stream().map(SeriesView::name).toList());
        assertEquals("agents.errors", view.anomalies().get(0).series());
    }
}
