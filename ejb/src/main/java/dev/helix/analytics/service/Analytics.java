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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

/**
 * Reads the analytics (C7): the series catalogue, a series over a range with its trend and forecast, the
 * anomalies found, and the UCF index live and over time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
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

    /** A series over a range: its buckets, its trend and, when asked, its forecast. */
    public Series series(Metric metric, SeriesQuery query) {
        Resolution resolution = query.resolution();
        Instant first = resolution.bucketOf(query.from());
        List<SeriesPoint> points = store.points(metric, resolution, first, query.to());
        double[] dense = DenseSeries.of(metric, points, resolution, first, query.buckets());
        Forecast forecast = null;
        if (query.horizon() > 0) {
            double[] next = Forecasting.forecast(dense, query.horizon(), query.method());
            List<ForecastPoint> ahead = new ArrayList<>();
            Instant start = first.plus(resolution.step().multipliedBy(dense.length));
            for (int h = 0; h < next.length; h++) {
                ahead.add(new ForecastPoint(start.plus(resolution.step().multipliedBy(h)), next[h]));
            }
            forecast = new Forecast(query.method(), ahead);
        }
        return new Series(metric, resolution, first, query.to(), points, Forecasting.trend(dense, resolution.step()), forecast);
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
        return new AnalyticsReport(Instant.now(), query.from(), query.to(), query.resolution(), series, ucf(),
                ucfHistory(query.from(), query.to(), query.resolution()),
                anomalies(query.from(), query.to(), null, AnalyticsReport.MAX_ANOMALIES));
    }

    /** The UCF index now, over its window. */
    public UcfIndex ucf() {
        return health.live(Instant.now());
    }

    /** The UCF index over [from, to): the mean of each dimension per bucket, oldest first. */
    public List<UcfReading> ucfHistory(Instant from, Instant to, Resolution resolution) {
        Map<Instant, double[]> byBucket = new TreeMap<>();
        List<Metric> dimensions = Metric.ucf();
        for (int d = 0; d < dimensions.size(); d++) {
            for (SeriesPoint point : store.points(dimensions.get(d), resolution, resolution.bucketOf(from), to)) {
                byBucket.computeIfAbsent(point.at(), at -> new double[dimensions.size()])[d] = point.value();
            }
        }
        return byBucket.entrySet().stream().map(e -> new UcfReading(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2], e.getValue()[3], e.getValue()[4], e.getValue()[5])).toList();
    }
}
