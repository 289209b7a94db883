package dev.helix.analytics.service;

import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import dev.helix.tasks.service.TaskHistory;
import dev.helix.analytics.internal.MetricStore;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.SeriesPoint;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfInputs;
import dev.helix.tasks.model.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Computes the UCF fleet-health index (C7) live: gathers the measured facts of the last window
 * ({@code helix.analytics.ucf.window}, an hour by default) and applies {@link UcfIndex}'s formulas. The baseline
 * for zoom is the throughput over the {@code helix.analytics.ucf.baseline} (7 days) before the window, as far
 * back as Helix has measured.
 */
@ApplicationScoped
public class FleetHealthIndex {

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskHistory tasks;

    @Inject
    AgentPool pool;

    @Inject
    MetricStore store;

    @Inject
    @ConfigProperty(name = "helix.analytics.ucf.window", defaultValue = "PT1H")
    Duration window;

    @Inject
    @ConfigProperty(name = "helix.analytics.ucf.baseline", defaultValue = "P7D")
    Duration baseline;

    @Inject
    @ConfigProperty(name = "helix.analytics.collect-interval", defaultValue = "PT15S")
    Duration freshFor;

    private volatile UcfIndex latest;

    /**
     * The index as the collector last computed it, if that is no older than its interval; computed now otherwise.
     * What readers (the API, the portal's live refreshes, Z-88) use, so they cost nothing between collections.
     */
    public UcfIndex current(Instant now) {
        UcfIndex last = latest;
        return last != null && !last.at().isBefore(now.minus(MetricsCollector.every(freshFor))) ? last : live(now);
    }

    /** The index computed now from the facts of the window (the collector's every run, and stale readers). */
    public UcfIndex live(Instant now) {
        Instant from = now.minus(window);
        long done = tasks.completions(from, now).size();
        TaskHistory.Recovery recovery = tasks.recovery(from, now);
        PoolStatistics agents = pool.statistics();
        double hours = window.toMillis() / 3_600_000.0;
        UcfInputs inputs = new UcfInputs(sum(Metric.AGENT_STEPS, from, now), tasks.deliveryFailures(from, now),
                tasks.reviews(Decision.APPROVE, from, now), tasks.reviews(Decision.REJECT, from, now),
                recovery.tasksWithFailures(), recovery.recovered(), agents.running(), agents.healthy(),
                utilisation(from, now, agents), done, tasks.doneWithoutRework(from, now), tasks.failed(from, now),
                anomalousSeries(from, now), Metric.values().length, done / hours, baselinePerHour(from));
        UcfIndex index = UcfIndex.of(now, window, inputs);
        latest = index;
        return index;
    }

    private long sum(Metric metric, Instant from, Instant to) {
        return Math.round(store.points(metric, Resolution.MINUTE, from, to).stream().mapToDouble(SeriesPoint::value).sum());
    }

    /** The mean of the utilisation samples in the window; the pool's utilisation now if there are none. */
    private double utilisation(Instant from, Instant to, PoolStatistics agents) {
        List<SeriesPoint> points = store.points(Metric.AGENT_UTILISATION, Resolution.MINUTE, from, to);
        long samples = points.stream().mapToLong(SeriesPoint::samples).sum();
        return samples == 0 ? agents.utilisation()
                : points.stream().mapToDouble(p -> p.value() * p.samples()).sum() / samples;
    }

    private long anomalousSeries(Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(DISTINCT a.series) FROM Anomaly a WHERE a.bucket >= :from AND a.bucket < :to",
                Long.class).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /**
     * Tasks done per hour in the whole hours of the baseline period before the window (the hour the window starts
     * in is left to the window), since measuring began; 0 when not a whole hour was measured.
     */
    private double baselinePerHour(Instant windowStart) {
        Instant end = Resolution.HOUR.bucketOf(windowStart);
        Instant start = Resolution.HOUR.bucketOf(end.minus(baseline));
        Instant measuredSince = store.firstBucket(Resolution.HOUR).orElse(end);
        if (measuredSince.isAfter(start)) {
            start = measuredSince;
        }
        long hours = Duration.between(start, end).toHours();
        if (hours < 1) {
            return 0;
        }
        return store.points(Metric.TASKS_COMPLETED, Resolution.HOUR, start, end).stream()
                .mapToDouble(SeriesPoint::value).sum() / hours;
    }
}
