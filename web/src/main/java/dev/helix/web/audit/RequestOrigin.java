package dev.helix.web.audit;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.Outcome;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who and where an audited request comes from: the {@link Caller} (or "anonymous"), the client address, the path.
 */
@RequestScoped
public class RequestOrigin {

    @Inject
    HttpServletRequest request;

    @Inject
    Caller caller;

    public String actor() {
        String name = caller.name();
        return name == null ? "anonymous" : name;
    }

    public String address() {
        return request.getRemoteAddr();
    }

    public String path() {
        return request.getRequestURI();
    }

    /** An audit entry for this request's caller and address, without before and after. */
    public AuditEntry entry(String action, String target, Outcome outcome, String detail) {
        return new AuditEntry(actor(), action, target, address(), outcome, detail, null, null);
    }
}
