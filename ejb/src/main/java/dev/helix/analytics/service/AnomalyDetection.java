package dev.helix.analytics.service;

import dev.helix.analytics.internal.AnomalyAlerts;
import dev.helix.analytics.internal.AnomalyFinder;
import dev.helix.analytics.internal.MetricStore;
import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.AnomalyThresholds;
import dev.helix.analytics.model.DenseSeries;
import dev.helix.analytics.model.Finding;
import dev.helix.analytics.model.Metric;
import dev.helix.analytics.model.Resolution;
import dev.helix.analytics.model.ScanReport;
import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.AnomalyScores;
import dev.helix.compute.model.SeriesBlock;
import dev.helix.compute.service.ComputeKernels;
import dev.helix.shared.model.Choice;
import dev.helix.shared.error.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The anomaly scan (C7): scores the minutes the collector has finished, of every series at once, on the compute
 * kernels (rolling z-score or robust median/MAD over a trailing window), keeps the {@link AnomalyFinder
 * findings} not known yet and raises each through {@link AnomalyAlerts}. Thresholds are read from the
 * configuration on every scan.
 */
@Stateless
public class AnomalyDetection {

    private static final String THRESHOLD_PREFIX = "helix.analytics.anomaly.threshold.";

    @PersistenceContext
    EntityManager em;

    @Inject
    MetricStore store;

    @Inject
    ComputeKernels kernels;

    @Inject
    AnomalyAlerts alerts;

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "helix.analytics.anomaly.method", defaultValue = "robust")
    String method;

    @Inject
    @ConfigProperty(name = "helix.analytics.anomaly.window", defaultValue = "30")
    int window;

    @Inject
    @ConfigProperty(name = "helix.analytics.anomaly.threshold", defaultValue = "3.5")
    double warning;

    @Inject
    @ConfigProperty(name = "helix.analytics.anomaly.critical", defaultValue = "6")
    double critical;

    @Inject
    @ConfigProperty(name = "helix.analytics.anomaly.lookback", defaultValue = "PT15M")
    Duration lookback;

    /** The thresholds in force: the configured ones (a bad value is a 422 naming it). */
    public AnomalyThresholds thresholds() {
        AnomalyMethod parsed = Choice.of(AnomalyMethod.class, method, "helix.analytics.anomaly.method");
        Map<Metric, Double> bySeries = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            config.getOptionalValue(THRESHOLD_PREFIX + metric.seriesName(), Double.class)
                    .ifPresent(threshold -> bySeries.put(metric, threshold));
        }
        try {
            return new AnomalyThresholds(parsed, window, warning, critical, bySeries);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The anomaly thresholds are misconfigured: " + e.getMessage());
        }
    }

    /**
     * Scans the lookback's minutes up to the last one the collector finished, each with a full window before it.
     * A dry run finds the new anomalies without recording or raising them.
     */
    public ScanReport scan(Instant now, boolean dryRun) {
        AnomalyThresholds thresholds = thresholds();
        List<Metric> metrics = List.of(Metric.values());
        Instant to = store.finishedMinute().map(m -> m.plus(Resolution.MINUTE.step()))
                .filter(end -> end.isBefore(now)).orElse(Resolution.MINUTE.bucketOf(now));
        int length = thresholds.window() + (int) Math.max(1, lookback.toMinutes());
        Instant from = to.minus(Duration.ofMinutes(length));
        double[][] values = new double[metrics.size()][];
        float[] block = new float[metrics.size() * length];
        for (int s = 0; s < metrics.size(); s++) {
            values[s] = DenseSeries.of(metrics.get(s), store.points(metrics.get(s), Resolution.MINUTE, from, to),
                    Resolution.MINUTE, from, length);
            for (int t = 0; t < length; t++) {
                block[s * length + t] = (float) values[s][t];
            }
        }
        AnomalyScan scan = kernels.anomalyScan();
        AnomalyScores scores = scan.scan(new SeriesBlock(metrics.size(), length, block), thresholds.parameters());
        List<Anomaly> found = new ArrayList<>();
        Set<String> known = known(from, to);
        for (Finding finding : AnomalyFinder.find(metrics, values, from, thresholds, scores)) {
            if (known.contains(key(finding.metric().seriesName(), finding.bucket()))) {
                continue;
            }
            Anomaly anomaly = new Anomaly(finding, thresholds.method(), thresholds.warningOf(finding.metric()), now);
            if (!dryRun) {
                em.persist(anomaly);
                alerts.raise(anomaly);
            }
            found.add(anomaly);
        }
        return new ScanReport(from.plus(Duration.ofMinutes(thresholds.window())), to, metrics.size(), scan.backend().name(),
                found);
    }

    /** The series and minutes of the anomalies already recorded in the range, read in one query. */
    private Set<String> known(Instant from, Instant to) {
        return em.createQuery("SELECT a.series, a.bucket FROM Anomaly a WHERE a.bucket >= :from AND a.bucket < :to",
                        Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultStream()
                .map(row -> key((String) row[0], (Instant) row[1])).collect(Collectors.toSet());
    }

    private static String key(String series, Instant bucket) {
        return series + "@" + bucket;
    }
}
