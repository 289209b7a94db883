package dev.helix.analytics.service;

import dev.helix.analytics.port.QueueDepth;
import dev.helix.analytics.internal.MetricStore;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.MetricCursor;
import dev.helix.analytics.model.Resolution;
import dev.helix.agents.model.WorkTotals;
import dev.helix.agents.service.AgentPool;
import dev.helix.analytics.model.UcfIndex;
import dev.helix.shared.model.PositiveDuration;
import dev.helix.tasks.service.TaskHistory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Measures the platform into its metric series (C7), one run every {@code helix.analytics.collect-interval}:
 * <ul>
 * <li>what the records say happened (tasks accepted, done, failed, their latency, failed deliveries) is
 * recomputed for the current minute and for the minutes finished since the last run, so minutes missed while
 * no server ran are filled in (up to a day back, {@value #MINUTES_PER_RUN} minutes a run);</li>
 * <li>levels (open tasks, utilisation, queue depth) and the UCF index are sampled into the current minute;</li>
 * <li>steps and tokens are the growth of the agents' running totals since the last run;</li>
 * <li>the hour and day buckets of every minute written are rolled up again; at the turn of an hour old buckets are
 * pruned.</li>
 * </ul>
 * Runs in one transaction, so a run is recorded whole or not at all; the finished-minute cursor changes in every
 * run, so of two servers collecting at once one commits and the other's run is rolled back.
 */
@Stateless
public class MetricsCollector {

    static final int MINUTES_PER_RUN = 60;
    /** How often the collector runs when {@code helix.analytics.collect-interval} is not set or not positive. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(MetricsCollector.class.getName());
    private static final String STEPS_TOTAL = "collector.steps-total";
    private static final String TOKENS_TOTAL = "collector.tokens-total";
    private static final Duration MAX_BACKFILL = Duration.ofDays(1);

    /** How often the collector runs for a configured interval: that interval, or 15 s when it is not positive. */
    public static Duration every(Duration configured) {
        return PositiveDuration.orDefault(configured, DEFAULT_INTERVAL);
    }

    @Inject
    TaskHistory tasks;

    @Inject
    AgentPool pool;

    @Inject
    MetricStore store;

    @Inject
    QueueDepth queue;

    @Inject
    FleetHealthIndex health;

    @Inject
    @ConfigProperty(name = "helix.analytics.retention.minute", defaultValue = "P7D")
    Duration minuteRetention;

    @Inject
    @ConfigProperty(name = "helix.analytics.retention.hour", defaultValue = "P90D")
    Duration hourRetention;

    /** Records one run at {@code now}. */
    public void collect(Instant now) {
        Duration minute = Resolution.MINUTE.step();
        Instant current = Resolution.MINUTE.bucketOf(now);
        Instant first = store.finishedMinute().map(m -> m.plus(minute)).orElse(current.minus(minute));
        if (first.isBefore(current.minus(MAX_BACKFILL))) {
            first = current.minus(MAX_BACKFILL);
        }
        Instant lastFinished = first.plus(minute.multipliedBy(MINUTES_PER_RUN - 1L));
        if (!lastFinished.isBefore(current)) {
            lastFinished = current.minus(minute);
        }
        TreeSet<Instant> minutes = new TreeSet<>();
        for (Instant m = first; !m.isAfter(lastFinished); m = m.plus(minute)) {
            recordEvents(m, m.plus(minute));
            minutes.add(m);
        }
        recordEvents(current, now);
        minutes.add(current);
        sampleLevels(current, now);
        store.finishMinute(lastFinished.isBefore(first) ? first.minus(minute) : lastFinished, now);
        rollUp(minutes);
        if (minutes.stream().anyMatch(m -> m.equals(Resolution.HOUR.bucketOf(m)))) { // once an hour is enough
            store.prune(Resolution.MINUTE, now.minus(minuteRetention));
            store.prune(Resolution.HOUR, now.minus(hourRetention));
        }
    }

    private void recordEvents(Instant minute, Instant end) {
        replace(Metric.TASKS_CREATED, minute, tasks.created(minute, end));
        List<Duration> completions = tasks.completions(minute, end);
        replace(Metric.TASKS_COMPLETED, minute, completions.size());
        replace(Metric.TASKS_FAILED, minute, tasks.failed(minute, end));
        replace(Metric.AGENT_ERRORS, minute, tasks.deliveryFailures(minute, end));
        if (!completions.isEmpty()) {
            DoubleSummaryStatistics seconds = completions.stream().mapToDouble(d -> d.toMillis() / 1000.0).summaryStatistics();
            store.point(Metric.TASK_LATENCY, Resolution.MINUTE, minute).replace(seconds.getCount(), seconds.getSum(),
                    seconds.getMin(), seconds.getMax());
        }
    }

    private void replace(Metric metric, Instant minute, double count) {
        store.point(metric, Resolution.MINUTE, minute).replace(1, count, count, count);
    }

    private void sampleLevels(Instant minute, Instant now) {
        sample(Metric.TASKS_OPEN, minute, tasks.open());
        sample(Metric.AGENT_UTILISATION, minute, pool.statistics().utilisation());
        try {
            sample(Metric.QUEUE_DEPTH, minute, queue.dispatchDepth());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The dispatch queue could not be measured; queue.depth misses this sample", e);
        }
        WorkTotals totals = pool.workTotals();
        sample(Metric.AGENT_STEPS, minute, growth(STEPS_TOTAL, totals.steps(), now));
        sample(Metric.TOKENS_USED, minute, growth(TOKENS_TOTAL, totals.tokens(), now));
        UcfIndex ucf = health.live(now);
        Metric.ucf().forEach(dimension -> sample(dimension, minute, ucf.valueOf(dimension)));
    }

    private void sample(Metric metric, Instant minute, double value) {
        store.point(metric, Resolution.MINUTE, minute).add(value);
    }

    /** How much a running total grew since the last run (nothing on the first run: there is no last reading). */
    private double growth(String name, long total, Instant now) {
        return store.cursor(name).map(cursor -> cursor.advance(total, now)).orElseGet(() -> {
            store.saveCursor(new MetricCursor(name, total, now));
            return 0.0;
        });
    }

    private void rollUp(TreeSet<Instant> minutes) {
        TreeSet<Instant> hours = new TreeSet<>();
        minutes.forEach(minute -> hours.add(Resolution.HOUR.bucketOf(minute)));
        hours.forEach(hour -> store.rollUp(Resolution.MINUTE, Resolution.HOUR, hour));
        TreeSet<Instant> days = new TreeSet<>();
        hours.forEach(hour -> days.add(Resolution.DAY.bucketOf(hour)));
        days.forEach(day -> store.rollUp(Resolution.HOUR, Resolution.DAY, day));
    }
}
