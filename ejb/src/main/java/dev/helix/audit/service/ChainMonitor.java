package dev.helix.audit.service;

import dev.helix.audit.model.ChainBreak;
import dev.helix.audit.model.ChainHealth;
import dev.helix.audit.model.ChainVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this server's {@link ChainHealth}: the outcome of every append and of every verification. A break that no
 * verification had found before is raised as an alert ({@link ChainAlerts}) once per server; an alert that could not
 * be raised is tried again at the next verification.
 */
@ApplicationScoped
public class ChainMonitor {

    private static final Logger LOG = Logger.getLogger(ChainMonitor.class.getName());

    @Inject
    ChainAlerts alerts;

    private final Set<Long> alerted = new HashSet<>();
    private volatile ChainHealth health = new ChainHealth(true, null, null, null, null);

    public ChainHealth health() {
        return health;
    }

    /** An append succeeded: the chain takes records. */
    public void appended() {
        ChainHealth now = health;
        if (!now.writable()) {
            LOG.info("The audit chain takes records again");
            health = new ChainHealth(true, null, null, now.verdict(), now.verifiedAt());
        }
    }

    /** An append failed: until one succeeds, the server cannot take changes. */
    public void appendFailed(RuntimeException e) {
        ChainHealth now = health;
        String problem = "appending to the audit chain failed: " + e.getMessage();
        LOG.severe(problem);
        health = new ChainHealth(false, problem, now.writable() ? Instant.now() : now.failingSince(), now.verdict(),
                now.verifiedAt());
    }

    /** A verification ran: keeps its verdict and alerts on each break not alerted before. */
    public void verified(ChainVerdict verdict) {
        ChainHealth now = health;
        health = new ChainHealth(now.writable(), now.writeProblem(), now.failingSince(), verdict, Instant.now());
        List<ChainBreak> fresh;
        synchronized (alerted) {
            fresh = verdict.breaks().stream().filter(b -> b.acknowledgedBy() == null && alerted.add(b.recordId())).toList();
        }
        if (!fresh.isEmpty()) {
            try {
                alerts.raise(fresh);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Raising the alert for breaks of the audit chain failed; the next verification tries again", e);
                synchronized (alerted) {
                    fresh.forEach(b -> alerted.remove(b.recordId()));
                }
            }
        }
    }
}
