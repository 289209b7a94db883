package dev.helix.web.portal.admin;

import dev.helix.audit.model.AuditQuery;
import dev.helix.audit.model.AuditRecord;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.audit.service.AuditTrail;
import dev.helix.identity.model.Permission;
import dev.helix.web.portal.ActionPermission;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The audit page: the latest records matching actor, action and target, and a check of the whole chain. */
@Named
@RequestScoped
public class AuditPage {

    private static final int SHOWN = 100;

    @Inject
    AuditTrail trail;

    @Inject
    ActionPermission permission;

    @Inject
    Caller caller;

    private String actor;
    private String action;
    private String target;
    private List<AuditRecord> records;
    private AuditQuery recordsFor;
    private ChainVerdict verdict;

    /**
     * The newest matching records, up to {@value #SHOWN}; read again when the search changed since (a post-back asks
     * before and after the form's values arrive).
     */
    public List<AuditRecord> getRecords() {
        if (!caller.may(Permission.AUDIT_READ)) {
            return List.of();
        }
        AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target), null, null, 0, SHOWN);
        if (!query.equals(recordsFor)) {
            records = trail.search(query);
            recordsFor = query;
        }
        return records;
    }

    public void verify() {
        if (permission.granted(Permission.AUDIT_READ, "Verifying the audit chain")) {
            verdict = trail.verify();
        }
    }

    public ChainVerdict getVerdict() {
        return verdict;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
