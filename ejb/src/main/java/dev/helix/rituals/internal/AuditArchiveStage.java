package dev.helix.rituals.internal;

import dev.helix.rituals.model.RitualStage;
import dev.helix.audit.model.AuditArchive;
import dev.helix.audit.service.AuditArchiver;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Archives the audit records not yet archived ({@link AuditArchiver}). */
@ApplicationScoped
public class AuditArchiveStage implements RitualStage {

    @Inject
    AuditArchiver archiver;

    @Override
    public String name() {
        return "audit-archive";
    }

    @Override
    public String description() {
        return "Writes the audit records not yet archived to a compressed, checksummed file";
    }

    @Override
    public int steps(Integer runSteps) {
        return 1;
    }

    @Override
    public String perform(StageStep step) {
        if (step.dryRun()) {
            return "would archive " + archiver.pending() + " audit record(s)";
        }
        AuditArchive archive = archiver.archive();
        return archive == null ? "nothing to archive" : "archived " + archive.getRecords() + " audit record(s) to " + archive.getFileName();
    }
}
