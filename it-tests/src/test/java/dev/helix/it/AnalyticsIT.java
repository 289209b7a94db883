package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Analytics on the real server (C7): the platform's own activity collected into minute series and rolled up,
 * trended and forecast; a burst of failed deliveries found by the anomaly-scan ritual on the compute kernels,
 * raised as an event and an alert; the UCF index live and over time; reports as CSV, JSON and a real PDF.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

    private static final List<String> UCF = List.of("harmony", "resilience", "prana", "drishti", "klesha", "zoom");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private final HelixClient viewer = HelixClient.user("vera-viewer", "viewer");

    @Test
    void tasksAreCountedIntoMinuteSeriesRolledUpTrendedAndForecast() {
        HelixClient developer = HelixClient.user("dana-dev", "developer");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant next = minute.plus(1, ChronoUnit.MINUTES);
        JsonObject earlier = series("tasks.created", "minute");
        double before = valueAt(earlier, minute) + valueAt(earlier, next);
        for (int i = 0; i < 3; i++) {
            developer.post("/api/v1/tasks", "{\"title\":\"Counted " + i + "\",\"prompt\":\"Count me\"}").expect(201);
        }
        // The three tasks fall in this minute or, at a turn of the minute, the next; other tests only add to the count.
        JsonObject minutes = viewer.await("/api/v1/analytics/series/tasks.created?resolution=minute",
                s -> valueAt(s, minute) + valueAt(s, next) >= before + 3, Duration.ofSeconds(30));
        assertEquals("SUM", minutes.getString("aggregation"));
        assertEquals("tasks", minutes.getString("unit"));
        JsonObject hours = series("tasks.created", "hour");
        assertTrue(valueAt(hours, minute.truncatedTo(ChronoUnit.HOURS)) >= valueAt(minutes, minute), hours::toString);

        JsonObject forecast = viewer.get("/api/v1/analytics/series/tasks.created?resolution=minute&forecast=5&method=linear")
                .expect(200).object();
        JsonArray ahead = forecast.getJsonObject("forecast").getJsonArray("points");
        assertEquals(5, ahead.size(), forecast::toString);
        assertEquals("linear", forecast.getJsonObject("forecast").getString("method"));
        // The forecast starts with the minute after the last one read (the current one, read so far).
        Instant to = Instant.parse(forecast.getString("to"));
        Instant afterLast = to.truncatedTo(ChronoUnit.MINUTES).equals(to) ? to : to.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
        assertEquals(afterLast, Instant.parse(ahead.getJsonObject(0).getString("at")), forecast::toString);
        assertEquals(afterLast.plusSeconds(4 * 60), Instant.parse(ahead.getJsonObject(4).getString("at")), forecast::toString);
        assertTrue(List.of("RISING", "FALLING", "FLAT").contains(forecast.getJsonObject("trend").getString("direction")));

        JsonArray catalogue = viewer.get("/api/v1/analytics/series").expect(200).json().asJsonArray();
        List<String> names = catalogue.getValuesAs(JsonObject.class).stream().map(s -> s.getString("name")).toList();
        assertTrue(names.containsAll(List.of("tasks.created", "tasks.completed", "tasks.latency", "agents.errors",
                "queue.depth", "tokens.used", "ucf.harmony", "ucf.klesha")), names::toString);
    }

    @Test
    void badQueriesAreProblemsNotErrors() {
        viewer.get("/api/v1/analytics/series/no.such.series").problem(404);
        viewer.get("/api/v1/analytics/series/tasks.created?resolution=week").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?from=yesterday").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?resolution=minute&from=2000-01-01T00:00:00Z").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?forecast=5&method=magic").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?forecast=-1").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?forecast=many").problem(422);
        viewer.get("/api/v1/analytics/series/tasks.created?to=-1000000000-01-01T00:00:00Z").problem(422);
        viewer.get("/api/v1/analytics/anomalies?limit=0").problem(422);
        viewer.get("/api/v1/analytics/anomalies?series=nope").problem(404);
        viewer.get("/api/v1/analytics/report?format=xml").problem(422);
        HelixClient.anonymous().get("/api/v1/analytics/ucf").expect(401);
    }

    @Test
    void aBurstOfFailedDeliveriesIsFoundByTheAnomalyScanAndRaisedAsAnEventAndAnAlert() throws InterruptedException {
        HelixClient admin = HelixClient.admin();
        HelixClient developer = HelixClient.user("dana-dev", "developer");
        try (FleetStream stream = admin.fleetStream()) {
            Instant start = Instant.now();
            List<Long> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(developer.post("/api/v1/tasks", "{\"title\":\"Outage " + i + "\",\"prompt\":\"Read the logs "
                        + "#simulate-outage\"}").expect(201).object().getJsonNumber("id").longValue());
            }
            for (long task : tasks) {
                developer.awaitTask(task, t -> t.getString("status").equals("SPEC_FAILED"), Duration.ofSeconds(90));
            }
            // The scan reads finished minutes: wait for the last failure's minute to end and be collected (every 2 s).
            Instant last = Instant.now();
            HelixClient.sleep(Duration.between(Instant.now(), last.truncatedTo(ChronoUnit.MINUTES).plusSeconds(64)).toMillis());

            // The scheduled scan (every 5 minutes) may find the burst first; either way it is raised once.
            long run = RitualIT.id(admin.post("/api/v1/rituals/anomaly-scan/runs", "").expect(202).object());
            JsonObject done = RitualIT.awaitRun(admin, "anomaly-scan", run, r -> r.getString("status").equals("COMPLETED"));
            assertTrue(done.getString("summary").matches("scanned 16 series over .* on (JAVA|VECTOR|APARAPI): \\d+ new anomal.*"),
                    done::toString);
            JsonObject event = stream.awaitEvent("ANOMALY_DETECTED", e -> e.getString("detail").contains("agents.errors"),
                    Duration.ofSeconds(10));
            assertEquals("CRITICAL", event.getString("status"), event::toString);
            checkTheBurst(admin, start, last);
        }
    }

    private void checkTheBurst(HelixClient admin, Instant start, Instant last) {
        JsonArray found = viewer.get("/api/v1/analytics/anomalies?series=agents.errors&from="
                + start.truncatedTo(ChronoUnit.MINUTES)).expect(200).json().asJsonArray();
        JsonObject burst = found.getValuesAs(JsonObject.class).stream()
                .filter(a -> !Instant.parse(a.getString("at")).isAfter(last)).findFirst()
                .orElseThrow(() -> new AssertionError("no anomaly in agents.errors after " + start + ": " + found));
        assertTrue(burst.getJsonNumber("observed").doubleValue() >= 3, burst::toString);
        assertTrue(burst.getJsonNumber("observed").doubleValue() > burst.getJsonNumber("expected").doubleValue(), burst::toString);
        assertEquals("ROBUST", burst.getString("method"));
        // The minutes before had no failed delivery (median and spread 0), so the burst is far past the critical threshold.
        assertEquals("CRITICAL", burst.getString("severity"), burst::toString);
        assertTrue(admin.get("/api/v1/me/notifications").expect(200).body().contains("CRITICAL anomaly in agents.errors at "
                + burst.getString("at")), "a critical anomaly alerts the admin");

        // The same minute is not raised twice.
        long again = RitualIT.id(admin.post("/api/v1/rituals/anomaly-scan/runs", "").expect(202).object());
        JsonObject second = RitualIT.awaitRun(admin, "anomaly-scan", again, r -> r.getString("status").equals("COMPLETED"));
        assertFalse(second.getJsonArray("stages").getJsonObject(0).getString("result").contains("agents.errors at "
                + burst.getString("at")), second::toString);
        assertEquals(1, viewer.get("/api/v1/analytics/anomalies?series=agents.errors&from=" + burst.getString("at")
                + "&to=" + Instant.parse(burst.getString("at")).plusSeconds(60)).expect(200).json().asJsonArray().size());

        JsonObject ucf = viewer.get("/api/v1/analytics/ucf").expect(200).object();
        assertTrue(ucf.getJsonNumber("klesha").doubleValue() > 0, "failures and an anomaly press on klesha: " + ucf);
        assertTrue(ucf.getJsonObject("inputs").getJsonNumber("deliveryFailures").longValue() >= 4, ucf::toString);
    }

    @Test
    void theUcfIndexIsLiveWithinItsRangesAndKeepsAHistory() {
        JsonObject ucf = viewer.get("/api/v1/analytics/ucf").expect(200).object();
        for (String dimension : UCF) {
            double value = ucf.getJsonNumber(dimension).doubleValue();
            double most = List.of("harmony", "resilience", "zoom").contains(dimension) ? 2 : 1;
            assertTrue(value >= 0 && value <= most, dimension + " out of range: " + ucf);
        }
        assertEquals("PT1H", ucf.getString("window"));
        assertTrue(ucf.getJsonObject("inputs").containsKey("throughputPerHour"), ucf::toString);

        JsonObject history = viewer.await("/api/v1/analytics/ucf/history?resolution=minute",
                h -> !h.getJsonArray("readings").isEmpty(), Duration.ofSeconds(30));
        JsonObject reading = history.getJsonArray("readings").getJsonObject(0);
        UCF.forEach(dimension -> assertTrue(reading.containsKey(dimension), reading::toString));
    }

    @Test
    void reportsExportAsCsvJsonAndPdf() throws IOException {
        HelixClient.Download csv = viewer.download("/api/v1/analytics/report?format=csv&resolution=hour");
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.disposition().contains("filename=\"helix-analytics-"), csv.disposition());
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals("series,unit,resolution,at,value,samples,least,greatest", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"ucf.harmony\",\"index 0-2\",\"hour\",")), lines::toString);

        JsonObject json = viewer.get("/api/v1/analytics/report?format=json").expect(200).object();
        assertEquals("hour", json.getString("resolution"));
        assertEquals(16, json.getJsonArray("series").size());
        assertTrue(json.getJsonObject("ucf").containsKey("klesha"));

        HelixClient.Download pdf = viewer.download("/api/v1/analytics/report?format=pdf");
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(pdf.body());
        try {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(text.contains("Helix analytics report"), text);
            assertTrue(text.contains("UCF fleet-health index"), text);
            assertTrue(text.contains("klesha"), text);
        } finally {
            reader.close();
        }
    }

    private JsonObject series(String name, String resolution) {
        return viewer.get("/api/v1/analytics/series/" + name + "?resolution=" + resolution).expect(200).object();
    }

    private static double valueAt(JsonObject series, Instant bucket) {
        return series.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .filter(p -> Instant.parse(p.getString("at")).equals(bucket))
                .mapToDouble(p -> p.getJsonNumber("value").doubleValue()).findFirst().orElse(0);
    }
}
