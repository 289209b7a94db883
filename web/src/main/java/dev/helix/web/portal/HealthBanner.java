package dev.helix.web.portal;

import dev.helix.audit.model.ChainBreak;
import dev.helix.audit.model.ChainHealth;
import dev.helix.audit.service.ChainMonitor;
import dev.helix.identity.model.Permission;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What every portal page says at its top when the server is not well: to everyone, that changes cannot be recorded
 * (and are refused); to those who may read the audit trail, that its chain has a break no one has acknowledged.
 */
@Named
@RequestScoped
public class HealthBanner {

    @Inject
    ChainMonitor monitor;

    @Inject
    Caller caller;

    /** Why changes are refused now, or {@code null} when they are not. */
    public String getRefusingChanges() {
        ChainHealth health = monitor.health();
        return health.writable() ? null : "Helix cannot record changes right now, so it refuses them: " + health.writeProblem();
    }

    /** The first unacknowledged break of the audit chain, for those who may read the trail; else {@code null}. */
    public String getChainBroken() {
        ChainHealth health = monitor.health();
        if (!health.broken() || !caller.may(Permission.AUDIT_READ)) {
            return null;
        }
        ChainBreak first = health.verdict().firstUnacknowledged();
        return "The audit chain is broken at record " + first.recordId() + ": " + first.reason() + ".";
    }
}
