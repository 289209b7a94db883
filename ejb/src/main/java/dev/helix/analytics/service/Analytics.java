package dev.helix.analytics.service;

import dev.helix.analytics.model.DenseSeries;
import dev.helix.analytics.internal.Forecasting;
import dev.helix.analytics.internal.MetricStore;
import dev.helix.analytics.model.AnalyticsReport;
import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.Forecast;
import dev.helix.analytics.model.ForecastPoint;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.Series;
import dev.helix.analytics.model.SeriesPoint;
import dev.helix.analytics.model.SeriesQuery;
import dev.helix.analytics.model.SeriesSummary;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfReading;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads the analytics (C7): the series catalogue, a series over a range with its trend and forecast, the
 * anomalies found, and the UCF index live and over time.
 */
@Stateless
public class Analytics {

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricStore store;

    @Inject
    FleetHealthIndex health;

    /** Every series, each with its newest minute. */
    public List<SeriesSummary> catalogue() {
        return Arrays.stream(Metric.values())
                .map(metric -> new SeriesSummary(metric, store.latest(metric, Resolution.MINUTE).orElse(null))).toList();
    }

    /**
     * A series over a range: its buckets, its trend and, when asked, its forecast. The trend and the forecast are
     * fitted to the finished buckets: a last bucket still filling (the range ends inside it) would read as a drop.
     */
    public Series series(Metric metric, SeriesQuery query) {
        Resolution resolution = query.resolution();
        Instant first = resolution.bucketOf(query.from());
        List<SeriesPoint> points = store.points(metric, resolution, first, query.to());
        double[] dense = DenseSeries.of(metric, points, resolution, first, query.buckets());
        boolean lastFilling = !resolution.bucketOf(query.to()).equals(query.to()) && dense.length > 1;
        double[] finished = lastFilling ? Arrays.copyOf(dense, dense.length - 1) : dense;
        Forecast forecast = null;
        if (query.horizon() > 0) {
            // Forecast from the finished buckets on, and show the buckets after the last one read.
            int skipped = dense.length - finished.length;
            double[] next = Forecasting.forecast(finished, query.horizon() + skipped, query.method());
            List<ForecastPoint> ahead = new ArrayList<>();
            Instant start = first.plus(resolution.step().multipliedBy(dense.length));
            for (int h = skipped; h < next.length; h++) {
                ahead.add(new ForecastPoint(start.plus(resolution.step().multipliedBy(h - skipped)), next[h]));
            }
            forecast = new Forecast(query.method(), ahead);
        }
        return new Series(metric, resolution, first, query.to(), points, Forecasting.trend(finished, resolution.step()),
                forecast);
    }

    /** The anomalies found in [from, to), newest first, of one series or all ({@code series} null). */
    public List<Anomaly> anomalies(Instant from, Instant to, Metric series, int limit) {
        TypedQuery<Anomaly> query = em.createQuery("SELECT a FROM Anomaly a WHERE a.bucket >= :from AND a.bucket < :to"
                + (series == null ? "" : " AND a.series = :series") + " ORDER BY a.bucket DESC, a.id DESC", Anomaly.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit);
        if (series != null) {
            query.setParameter("series", series.seriesName());
        }
        return query.getResultList();
    }

    /** Everything over a range, for a report. */
    public AnalyticsReport report(SeriesQuery query) {
        List<Series> series = Arrays.stream(Metric.values()).map(metric -> series(metric, query)).toList();
        Map<Metric, List<SeriesPoint>> read = series.stream().collect(Collectors.toMap(Series::metric, Series::points));
        return new AnalyticsReport(Instant.now(), query.from(), query.to(), query.resolution(), series, ucf(),
                readings(Metric.ucf().stream().map(read::get).toList()),
                anomalies(query.from(), query.to(), null, AnalyticsReport.MAX_ANOMALIES));
    }

    /** The UCF index now, over its window. */
    public UcfIndex ucf() {
        return health.current(Instant.now());
    }

    /** The UCF index over [from, to): the mean of each dimension per bucket, oldest first. */
    public List<UcfReading> ucfHistory(Instant from, Instant to, Resolution resolution) {
        return readings(Metric.ucf().stream().map(d -> store.points(d, resolution, resolution.bucketOf(from), to)).toList());
    }

    /** Readings per bucket from the points of the six dimensions, in {@link Metric#ucf()}'s order. */
    private static List<UcfReading> readings(List<List<SeriesPoint>> dimensions) {
        Map<Instant, double[]> byBucket = new TreeMap<>();
        for (int d = 0; d < dimensions.size(); d++) {
            for (SeriesPoint point : dimensions.get(d)) {
                byBucket.computeIfAbsent(point.at(), at -> new double[dimensions.size()])[d] = point.value();
            }
        }
        return byBucket.entrySet().stream().map(e -> new UcfReading(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5])).toList();
    }
}
