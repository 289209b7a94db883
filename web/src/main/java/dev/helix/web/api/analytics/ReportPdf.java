package dev.helix.web.api.analytics;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.helix.analytics.model.AnalyticsReport;
import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.Series;
import dev.helix.analytics.model.SeriesPoint;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfReading;
import java.awt.Color;
import java.io.OutputStream;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A report as a PDF document (OpenPDF), A4 landscape: the UCF index now with each dimension's range and
 * meaning, a summary of every series with its trend, the anomalies found, and the UCF history.
 */
final class ReportPdf {

    /** Rows of the UCF history a report lists at most (the newest). */
    static final int MAX_HISTORY_ROWS = 200;

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font HEADER = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Pattern NUMERIC = Pattern.compile("-|-?[0-9]+(\\.[0-9]+)?");
    private static final Color HEADER_BACKGROUND = new Color(225, 230, 240);

    private ReportPdf() {
    }

    static void write(AnalyticsReport report, OutputStream out) {
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle("Helix analytics report");
        document.addCreator("Helix");
        document.open();
        document.add(new Paragraph("Helix analytics report", TITLE));
        document.add(new Paragraph("From " + report.from() + " to " + report.to() + ", " + report.resolution().label()
                + " buckets. Generated " + report.generatedAt() + ".", BODY));
        ucf(document, report.ucf());
        series(document, report.series());
        anomalies(document, report.anomalies());
        history(document, report.ucfHistory());
        document.close();
    }

    private static void ucf(Document document, UcfIndex ucf) {
        heading(document, "UCF fleet-health index, live over the last " + ucf.window());
        PdfPTable table = table(new float[] {2, 1, 1, 8}, "Dimension", "Value", "Range", "Measures");
        row(table, "harmony", number(ucf.harmony()), "0-2", "hand-offs that succeeded plus reviews that agreed");
        row(table, "resilience", number(ucf.resilience()), "0-2", "tasks recovered after failures plus agents healthy");
        row(table, "prana", number(ucf.prana()), "0-1", "spare capacity (1 - utilisation)");
        row(table, "drishti", number(ucf.drishti()), "0-1", "work finished without rework");
        row(table, "klesha", number(ucf.klesha()), "0-1", "error and anomaly pressure (lower is better)");
        row(table, "zoom", number(ucf.zoom()), "0-2", "throughput against its baseline");
        document.add(table);
    }

    private static void series(Document document, List<Series> series) {
        heading(document, "Series");
        PdfPTable table = table(new float[] {3, 2, 1, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f, 1.3f}, "Series", "Unit", "Buckets",
                "Least", "Mean", "Greatest", "Last", "Trend per hour", "Direction");
        for (Series s : series) {
            DoubleSummaryStatistics values = s.points().stream().mapToDouble(SeriesPoint::value).summaryStatistics();
            boolean empty = s.points().isEmpty();
            row(table, s.metric().seriesName(), s.metric().unit(), String.valueOf(s.points().size()),
                    empty ? "-" : number(values.getMin()), empty ? "-" : number(values.getAverage()),
                    empty ? "-" : number(values.getMax()), empty ? "-" : number(s.points().get(s.points().size() - 1).value()),
                    number(s.trend().slopePerHour()), s.trend().direction().name().toLowerCase(Locale.ROOT));
        }
        document.add(table);
    }

    private static void anomalies(Document document, List<Anomaly> anomalies) {
        heading(document, "Anomalies (" + anomalies.size() + ")");
        if (anomalies.isEmpty()) {
            document.add(new Paragraph("No anomalies were found in this range.", BODY));
            return;
        }
        PdfPTable table = table(new float[] {3, 3, 1.5f, 1.5f, 1.5f, 1.5f, 1.5f}, "Minute", "Series", "Severity", "Observed",
                "Expected", "Score", "Threshold");
        for (Anomaly a : anomalies) {
            row(table, a.getBucket().toString(), a.getSeries(), a.getSeverity().name(), number(a.getObserved()),
                    number(a.getExpected()), number(a.getScore()), number(a.getThreshold()));
        }
        document.add(table);
    }

    private static void history(Document document, List<UcfReading> readings) {
        List<UcfReading> shown = readings.subList(Math.max(0, readings.size() - MAX_HISTORY_ROWS), readings.size());
        heading(document, "UCF history (" + (shown.size() < readings.size() ? "the newest " + shown.size() + " of " : "")
                + readings.size() + " buckets)");
        PdfPTable table = table(new float[] {3, 1, 1, 1, 1, 1, 1}, "Bucket", "Harmony", "Resilience", "Prana", "Drishti",
                "Klesha", "Zoom");
        for (UcfReading r : shown) {
            row(table, r.at().toString(), number(r.harmony()), number(r.resilience()), number(r.prana()), number(r.drishti()),
                    number(r.klesha()), number(r.zoom()));
        }
        document.add(table);
    }

    private static void heading(Document document, String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, HEADER));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            table.addCell(cell);
        }
        return table;
    }

    private static void row(PdfPTable table, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            PdfPCell cell = new PdfPCell(new Phrase(cells[i], BODY));
            cell.setHorizontalAlignment(i > 0 && NUMERIC.matcher(cells[i]).matches() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e12) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
