package dev.helix.analytics.internal;

import dev.helix.analytics.model.Anomaly;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.notifications.service.Notifications;
import dev.helix.shared.model.Choice;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.error.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Raises an anomaly in the caller's transaction: an {@code ANOMALY_DETECTED} fleet event (published after
 * commit), an {@code analytics.anomaly} audit record and, from {@code helix.analytics.alerts.min-severity} on, a
 * notification to each user named in {@code helix.analytics.alerts.notify} (users that do not exist are logged
 * and skipped).
 */
@ApplicationScoped
public class AnomalyAlerts {

    private static final Logger LOG = Logger.getLogger(AnomalyAlerts.class.getName());

    @Inject
    Event<FleetEvent> events;

    @Inject
    AuditTrail audit;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "helix.analytics.alerts.notify", defaultValue = "admin")
    List<String> recipients;

    @Inject
    @ConfigProperty(name = "helix.analytics.alerts.min-severity", defaultValue = "CRITICAL")
    String alertSeverity;

    private Anomaly.Severity minimumSeverity;

    public void raise(Anomaly anomaly) {
        String line = anomaly.describe();
        events.fire(new FleetEvent(FleetEvent.Type.ANOMALY_DETECTED, null, null, anomaly.getSeverity().name(), line,
                anomaly.getDetectedAt()));
        audit.record(AuditEntry.system("analytics.anomaly", "/api/v1/analytics/series/" + anomaly.getSeries(), line));
        if (anomaly.getSeverity().compareTo(minimumSeverity) < 0) {
            return;
        }
        notifications.notifyExisting(recipients, line, "analytics");
    }

    /** Reads the least severity that alerts; a bad value is logged and CRITICAL taken. */
    @PostConstruct
    void readMinimumSeverity() {
        try {
            minimumSeverity = Choice.of(Anomaly.Severity.class, alertSeverity, "helix.analytics.alerts.min-severity");
        } catch (InvalidInputException e) {
            LOG.warning(() -> e.getMessage() + "; alerting on CRITICAL");
            minimumSeverity = Anomaly.Severity.CRITICAL;
        }
    }
}
