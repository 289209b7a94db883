package dev.helix.web.audit;

import dev.helix.audit.model.Outcome;
import dev.helix.audit.service.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Audits a changing call that never reached its {@link Audited} action: refused (DENIED) or turned away, e.g. for
 * invalid input (FAILURE). A call that reached its action has its record already and gets no second one.
 */
@ApplicationScoped
public class Refusals {

    @Inject
    AuditTrail trail;

    @Inject
    AuditContext context;

    @Inject
    RequestOrigin origin;

    public void record(String action, Outcome outcome, String detail) {
        if (!context.isRecorded()) {
            trail.recordSeparately(origin.entry(action, origin.path(), outcome, detail));
        }
    }
}
