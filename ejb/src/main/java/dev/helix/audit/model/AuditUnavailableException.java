package dev.helix.audit.model;

import dev.helix.shared.error.DomainException;

/** A change could not get its audit record, so it was not made: the server cannot take changes just now. */
public class AuditUnavailableException extends DomainException {

    public AuditUnavailableException() {
        super("The change was not made because its audit record could not be written; try again shortly, and tell an "
                + "administrator if it persists (the audit-chain readiness check says why)");
    }

    @Override
    public String problemType() {
        return "audit-unavailable";
    }

    @Override
    public String title() {
        return "Changes cannot be recorded";
    }

    @Override
    public int status() {
        return 503;
    }
}
