package dev.helix.rituals.internal;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.rituals.model.FleetHealthRecord;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Z-88 phase 4, seal: its last step persists the state shift's figures as a {@link FleetHealthRecord} and
 * records the seal in the audit trail (a dry run does neither); the steps before check that figures exist.
 */
@ApplicationScoped
public class Z88Seal extends Z88Phase {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public Z88Seal() {
        super(1);
    }

    @Override
    public String name() {
        return SEAL;
    }

    @Override
    public String description() {
        return "Z-88 seal: persists the fleet health figures and records them in the audit trail";
    }

    @Override
    public String perform(StageStep step) {
        String figures = step.lastLineOf(STATE_SHIFT);
        if (figures.isEmpty()) {
            throw new IllegalStateException("the state shift left no figures to seal");
        }
        if (step.step() < step.steps()) {
            return "figures ready to seal (" + step.step() + "/" + step.steps() + ")";
        }
        if (step.dryRun()) {
            return "would seal " + figures;
        }
        FleetHealthRecord record = new FleetHealthRecord(step.runId(), Instant.now(), figures);
        em.persist(record);
        audit.record(AuditEntry.system("ritual.z88.seal", "/api/v1/rituals/z-88/runs/" + step.runId(), figures));
        return "sealed " + figures;
    }
}
