package dev.helix.web.api.analytics;

import dev.helix.analytics.model.AnalyticsReport;
import dev.helix.analytics.model.ForecastMethod;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.SeriesQuery;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.service.Analytics;
import dev.helix.identity.model.Permission;
import dev.helix.shared.model.Choice;
import dev.helix.tasks.model.TokenUsage;
import dev.helix.tasks.service.ModelTranscripts;
import dev.helix.web.api.Csv;
import dev.helix.web.api.Instants;
import dev.helix.web.security.RequiresPermission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Analytics and monitoring (C7): the metric series with their roll-ups, trends and forecasts, the anomalies the
 * scan found, the UCF fleet-health index live and over time, and reports as CSV, JSON or PDF. Times are ISO-8601
 * instants; {@code to} is exclusive and defaults to now, {@code from} to the resolution's default range before it.
 */
@Path("/analytics")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class AnalyticsResource {

    private static final String PDF = "application/pdf";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    @Inject
    Analytics analytics;

    @Inject
    ModelTranscripts transcripts;

    @GET
    @Path("/tokens")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "The tokens the models spent on each user's tasks, most first",
            description = "Counted over every recorded model call, failed steps' calls too; with user, that user's only.")
    public List<TokenUsage> tokens(@QueryParam("user") String user) {
        return transcripts.usageByUser(user == null || user.isBlank() ? null : user.strip());
    }

    @GET
    @Path("/series")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "Every metric series: what it measures, its unit and aggregation, its newest minute")
    public List<SeriesSummaryView> catalogue() {
        return analytics.catalogue().stream().map(SeriesSummaryView::of).toList();
    }

    @GET
    @Path("/series/{name}")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "One series over a range, with its trend and optionally a forecast",
            description = "resolution: minute (default, last hour), hour (last 2 days) or day (last 60 days); at most "
                    + SeriesQuery.MAX_BUCKETS + " buckets. forecast: buckets to forecast (0-" + SeriesQuery.MAX_HORIZON
                    + "), method: holt (default) or linear. Buckets without samples are left out of points.")
    public SeriesView series(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("resolution") @DefaultValue("minute") String resolution,
                             @QueryParam("forecast") @DefaultValue("0") int forecast,
                             @QueryParam("method") @DefaultValue("holt") String method) {
        Metric metric = Metric.named(name);
        return SeriesView.of(analytics.series(metric, query(from, to, resolution, forecast, method)));
    }

    @GET
    @Path("/anomalies")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "Anomalies the scan found, newest first",
            description = "Optional: series (a series name), from/to (default: the last 24 hours), limit (1-1000, 100).")
    public List<AnomalyView> anomalies(@QueryParam("series") String series, @QueryParam("from") String from,
                                       @QueryParam("to") String to,
                                       @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant end = orNow(Instants.parse("to", to));
        Instant start = Instants.parse("from", from);
        return analytics.anomalies(start == null ? end.minus(1, ChronoUnit.DAYS) : start, end,
                series == null || series.isBlank() ? null : Metric.named(series), limit).stream().map(AnomalyView::of).toList();
    }

    @GET
    @Path("/ucf")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "The UCF fleet-health index now",
            description = "harmony, resilience, zoom (0-2), prana, drishti, klesha (0-1, klesha lower is better), computed "
                    + "over the last window (helix.analytics.ucf.window) from the measured inputs returned alongside.")
    public UcfIndex ucf() {
        return analytics.ucf();
    }

    @GET
    @Path("/ucf/history")
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "The UCF index over a range: the mean of each dimension per bucket, oldest first")
    public UcfHistoryView ucfHistory(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("resolution") @DefaultValue("minute") String resolution) {
        SeriesQuery query = query(from, to, resolution, 0, null);
        return new UcfHistoryView(query.resolution().label(), query.from(), query.to(),
                analytics.ucfHistory(query.from(), query.to(), query.resolution()));
    }

    @GET
    @Path("/report")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, PDF})
    @RequiresPermission(Permission.ANALYTICS_READ)
    @Operation(summary = "A report over a range as csv, json or pdf",
            description = "format: csv (a row per bucket of every series), json (everything) or pdf (the UCF index, a "
                    + "summary of every series with its trend, the anomalies, the UCF history). resolution defaults to hour.")
    public Response report(@QueryParam("format") @DefaultValue("json") String format, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("resolution") @DefaultValue("hour") String resolution) {
        ReportFormat kind = Choice.of(ReportFormat.class, format, "format");
        AnalyticsReport report = analytics.report(query(from, to, resolution, 0, null));
        String file = "attachment; filename=\"helix-analytics-" + FILE_TIME.format(report.from()) + "."
                + kind.name().toLowerCase(Locale.ROOT) + "\"";
        Response.ResponseBuilder answer = switch (kind) {
            case CSV -> Response.ok(ReportCsv.of(report), Csv.MEDIA_TYPE);
            case PDF -> Response.ok((StreamingOutput) out -> ReportPdf.write(report, out), PDF);
            case JSON -> Response.ok(ReportView.of(report), MediaType.APPLICATION_JSON);
        };
        return answer.header("Content-Disposition", file).build();
    }

    /** The forms a report comes in. */
    private enum ReportFormat {
        CSV, JSON, PDF
    }

    private static SeriesQuery query(String from, String to, String resolution, int forecast, String method) {
        return SeriesQuery.of(Instants.parse("from", from), Instants.parse("to", to), Resolution.parse(resolution), forecast,
                method == null ? null : ForecastMethod.parse(method), Instant.now());
    }

    private static Instant orNow(Instant at) {
        return at == null ? Instant.now() : at;
    }
}
