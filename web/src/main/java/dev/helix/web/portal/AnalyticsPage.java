package dev.helix.web.portal;

import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.ForecastMethod;
import dev.helix.analytics.model.ForecastPoint;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.Series;
import dev.helix.analytics.model.SeriesQuery;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfReading;
import dev.helix.analytics.service.Analytics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The analytics page (C7): the UCF fleet-health index now and its history, one series at a time as a chart with
 * its trend and a Holt forecast, the newest anomalies, and report downloads. The series and the resolution come
 * from the address ({@code ?series=tasks.completed&resolution=hour}), so a view can be bookmarked; the form
 * redirects to that address.
 */
@Named
@RequestScoped
public class AnalyticsPage {

    static final int FORECAST = 10;
    private static final int ANOMALIES = 20;
    private static final String[] COLOURS = {"#2f6fde", "#d9480f", "#2b8a3e", "#862e9c", "#c92a2a", "#e67700"};

    @Inject
    Analytics analytics;

    @Inject
    PortalMessages messages;

    @Inject
    FacesContext faces;

    private Metric metric = Metric.TASKS_COMPLETED;
    private Resolution resolution = Resolution.MINUTE;
    private Series series;
    private UcfIndex ucf;
    private List<UcfReading> history;
    private List<Anomaly> anomalies;

    /** Opens the series and resolution the address names; an unknown one is reported and the default shown. */
    public void open() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        String name = parameters.get("series");
        if (name != null && !name.isBlank()) {
            messages.read(() -> Metric.named(name.strip())).ifPresent(m -> metric = m);
        }
        String level = parameters.get("resolution");
        if (level != null && !level.isBlank()) {
            messages.read(() -> Resolution.parse(level.strip())).ifPresent(r -> resolution = r);
        }
    }

    public Metric getMetric() {
        return metric;
    }

    /** The chosen series' name, for the form. */
    public String getSeriesName() {
        return metric.seriesName();
    }

    public void setSeriesName(String name) {
        metric = Metric.named(name);
    }

    /** The chosen resolution's name, for the form. */
    public String getResolutionName() {
        return resolution.label();
    }

    public void setResolutionName(String name) {
        resolution = Resolution.parse(name);
    }

    /** Shows the series and resolution chosen in the form at an address of their own. */
    public String show() {
        return "/analytics.xhtml?faces-redirect=true&series=" + URLEncoder.encode(metric.seriesName(), StandardCharsets.UTF_8)
                + "&resolution=" + resolution.label();
    }

    public Resolution getResolution() {
        return resolution;
    }

    public List<Metric> getMetrics() {
        return Arrays.asList(Metric.values());
    }

    public List<Resolution> getResolutions() {
        return Arrays.asList(Resolution.values());
    }

    /** The chosen series over its resolution's default range, with a forecast (read once per request). */
    public Series getSeries() {
        if (series == null) {
            series = messages.read(() -> analytics.series(metric, SeriesQuery.of(null, null, resolution, FORECAST,
                    ForecastMethod.HOLT, Instant.now()))).orElse(null);
        }
        return series;
    }

    /** The chosen series as a chart: its values, and the forecast continuing from the last one. */
    public String getSeriesChart() {
        Series s = getSeries();
        if (s == null) {
            return new LineChart(List.of()).json();
        }
        double[] values = s.values();
        List<ForecastPoint> ahead = s.forecast() == null ? List.of() : s.forecast().points();
        List<String> labels = new ArrayList<>();
        s.buckets().forEach(at -> labels.add(label(at)));
        ahead.forEach(p -> labels.add(label(p.at())));
        List<Double> measured = new ArrayList<>();
        Arrays.stream(values).forEach(measured::add);
        measured.addAll(Collections.nCopies(ahead.size(), null));
        List<Double> forecast = new ArrayList<>(Collections.nCopies(values.length, null));
        if (values.length > 0 && !ahead.isEmpty()) {
            forecast.set(values.length - 1, values[values.length - 1]);
        }
        ahead.forEach(p -> forecast.add(p.value()));
        return new LineChart(labels).line(metric.seriesName() + " (" + metric.unit() + ")", measured, COLOURS[0], false)
                .line("forecast (Holt)", forecast, "#868e96", true).json();
    }

    /** The UCF index now (computed once per request). */
    public UcfIndex getUcf() {
        if (ucf == null) {
            ucf = messages.read(analytics::ucf).orElse(null);
        }
        return ucf;
    }

    /** The UCF history over the chosen resolution's default range, one line per dimension. */
    public String getUcfChart() {
        if (history == null) {
            Instant now = Instant.now();
            history = messages.read(() -> analytics.ucfHistory(now.minus(resolution.defaultRange()), now, resolution))
                    .orElse(List.of());
        }
        LineChart chart = new LineChart(history.stream().map(r -> label(r.at())).toList());
        List<Metric> dimensions = Metric.ucf();
        for (int d = 0; d < dimensions.size(); d++) {
            Metric dimension = dimensions.get(d);
            chart.line(dimension.seriesName().substring("ucf.".length()),
                    history.stream().map(r -> r.valueOf(dimension)).toList(), COLOURS[d], false);
        }
        return chart.json();
    }

    /** The newest anomalies of the last day. */
    public List<Anomaly> getAnomalies() {
        if (anomalies == null) {
            Instant now = Instant.now();
            anomalies = messages.read(() -> analytics.anomalies(now.minus(1, ChronoUnit.DAYS), now, null, ANOMALIES))
                    .orElse(List.of());
        }
        return anomalies;
    }

    private String label(Instant at) {
        String pattern = resolution == Resolution.DAY ? "yyyy-MM-dd" : resolution == Resolution.HOUR ? "MM-dd HH:mm" : "HH:mm";
        return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(at);
    }
}
