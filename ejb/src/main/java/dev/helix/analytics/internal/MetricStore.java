package dev.helix.analytics.internal;

import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.MetricCursor;
import dev.helix.analytics.model.MetricPoint;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.SeriesPoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored series: minute buckets written by the collector, hour and day buckets rolled up from the level
 * below, pruned after their retention, read back for a range; and the collector's cursors.
 */
@ApplicationScoped
public class MetricStore {

    private static final String FINISHED_MINUTE = "collector.finished-minute";

    @PersistenceContext
    EntityManager em;

    /** The bucket of a series at a resolution, created empty if there is none yet. */
    public MetricPoint point(Metric metric, Resolution resolution, Instant bucket) {
        return em.createQuery("SELECT p FROM MetricPoint p WHERE p.series = :series AND p.resolution = :resolution "
                        + "AND p.bucket = :bucket", MetricPoint.class)
                .setParameter("series", metric.seriesName()).setParameter("resolution", resolution).setParameter("bucket", bucket)
                .getResultStream().findFirst().orElseGet(() -> {
                    MetricPoint point = new MetricPoint(metric, resolution, bucket);
                    em.persist(point);
                    return point;
                });
    }

    /** The buckets of a series in [from, to), oldest first. */
    public List<SeriesPoint> points(Metric metric, Resolution resolution, Instant from, Instant to) {
        return em.createQuery("SELECT p FROM MetricPoint p WHERE p.series = :series AND p.resolution = :resolution "
                        + "AND p.bucket >= :from AND p.bucket < :to ORDER BY p.bucket", MetricPoint.class)
                .setParameter("series", metric.seriesName()).setParameter("resolution", resolution)
                .setParameter("from", from).setParameter("to", to).getResultStream().map(p -> p.reading(metric)).toList();
    }

    /** The newest bucket of a series at a resolution, if it has any. */
    public Optional<SeriesPoint> latest(Metric metric, Resolution resolution) {
        return em.createQuery("SELECT p FROM MetricPoint p WHERE p.series = :series AND p.resolution = :resolution "
                        + "ORDER BY p.bucket DESC", MetricPoint.class)
                .setParameter("series", metric.seriesName()).setParameter("resolution", resolution).setMaxResults(1)
                .getResultStream().findFirst().map(p -> p.reading(metric));
    }

    /** The oldest bucket of any series at a resolution: since when the platform has been measured. */
    public Optional<Instant> firstBucket(Resolution resolution) {
        return Optional.ofNullable(em.createQuery("SELECT MIN(p.bucket) FROM MetricPoint p WHERE p.resolution = :resolution",
                Instant.class).setParameter("resolution", resolution).getSingleResult());
    }

    /**
     * Recomputes the bucket of {@code coarse} that holds {@code at}, for every series, from the buckets of the
     * resolution below: their samples, totals, least and greatest combined.
     */
    public void rollUp(Resolution fine, Resolution coarse, Instant at) {
        Instant start = coarse.bucketOf(at);
        Instant end = start.plus(coarse.step());
        List<Object[]> rows = em.createQuery("SELECT p.series, SUM(p.samples), SUM(p.total), MIN(p.least), MAX(p.greatest) "
                        + "FROM MetricPoint p WHERE p.resolution = :fine AND p.bucket >= :start AND p.bucket < :end "
                        + "GROUP BY p.series", Object[].class)
                .setParameter("fine", fine).setParameter("start", start).setParameter("end", end).getResultList();
        for (Object[] row : rows) {
            Metric.find((String) row[0]).ifPresent(metric -> point(metric, coarse, start).replace(((Number) row[1]).longValue(),
                    ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(), ((Number) row[4]).doubleValue()));
        }
    }

    /** Deletes the buckets of a resolution older than {@code before}; returns how many. */
    public int prune(Resolution resolution, Instant before) {
        return em.createQuery("DELETE FROM MetricPoint p WHERE p.resolution = :resolution AND p.bucket < :before")
                .setParameter("resolution", resolution).setParameter("before", before).executeUpdate();
    }

    /** The start of the last minute the collector finished (recomputed after it ended), if it has run. */
    public Optional<Instant> finishedMinute() {
        return cursor(FINISHED_MINUTE).map(c -> Instant.ofEpochMilli((long) c.getReading()));
    }

    /** Records the last minute the collector finished. */
    public void finishMinute(Instant minute, Instant now) {
        cursor(FINISHED_MINUTE).ifPresentOrElse(c -> c.advance(minute.toEpochMilli(), now),
                () -> saveCursor(new MetricCursor(FINISHED_MINUTE, minute.toEpochMilli(), now)));
    }

    /** A cursor of the collector, if it has been read before. */
    public Optional<MetricCursor> cursor(String name) {
        return Optional.ofNullable(em.find(MetricCursor.class, name));
    }

    public void saveCursor(MetricCursor cursor) {
        em.persist(cursor);
    }
}
