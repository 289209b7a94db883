package dev.helix.audit.service;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.ChainBreak;
import dev.helix.notifications.service.Notifications;
import dev.helix.shared.model.FleetEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Raises breaks of the audit chain found by a verification, in a transaction of its own: a logged error, an
 * {@code AUDIT_CHAIN_BROKEN} fleet event, an {@code audit.chain-broken} record (the chain goes on) and a notification
 * to each user named in {@code helix.audit.alerts.notify} (default {@code admin}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ChainAlerts {

    private static final Logger LOG = Logger.getLogger(ChainAlerts.class.getName());

    @Inject
    Event<FleetEvent> events;

    @Inject
    AuditTrail trail;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "helix.audit.alerts.notify", defaultValue = "admin")
    List<String> recipients;

    public void raise(List<ChainBreak> breaks) {
        for (ChainBreak broken : breaks) {
            String line = "The audit chain is broken at record " + broken.recordId() + ": " + broken.reason()
                    + ". An administrator can acknowledge it on the audit page.";
            LOG.severe(line);
            events.fire(new FleetEvent(FleetEvent.Type.AUDIT_CHAIN_BROKEN, null, null, "BROKEN", line, Instant.now()));
            trail.record(AuditEntry.system("audit.chain-broken", "/api/v1/admin/audit/breaks/" + broken.recordId(), line));
            notifications.notifyExisting(recipients, line, "audit");
        }
    }
}
