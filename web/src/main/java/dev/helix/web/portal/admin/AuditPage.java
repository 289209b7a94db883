package dev.helix.web.portal.admin;

import dev.helix.audit.model.AuditChain;
import dev.helix.audit.model.AuditQuery;
import dev.helix.audit.model.AuditRecord;
import dev.helix.audit.model.ChainBreak;
import dev.helix.audit.model.ChainHealth;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.audit.service.AuditTrail;
import dev.helix.audit.service.ChainMonitor;
import dev.helix.identity.model.Permission;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.portal.ActionPermission;
import dev.helix.web.portal.PortalMessages;
import dev.helix.web.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Map;

/**
 * The audit page: the latest records matching actor, action and target; the chain's health (whether records can be
 * appended, the last verification's verdict), a check of the whole chain on demand, and the acknowledgement of its
 * breaks.
 */
@Named
@RequestScoped
public class AuditPage {

    private static final int SHOWN = 100;
    private static final int MAX_REASON = 1000;

    @Inject
    AuditTrail trail;

    @Inject
    ActionPermission permission;

    @Inject
    Caller caller;

    @Inject
    ChainMonitor monitor;

    @Inject
    AuditContext audit;

    @Inject
    PortalMessages messages;

    @Inject
    FacesContext faces;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private String actor;
    private String action;
    private String target;
    private List<AuditRecord> records;
    private AuditQuery recordsFor;
    private ChainVerdict verdict;
    private boolean verifyOnRender;
    private String reason;

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

    /** The verdict asked for on this page, else the last one this server has (periodic verifications). */
    public ChainVerdict getVerdict() {
        if (verifyOnRender) {
            verifyOnRender = false;
            verdict = trail.verify(); // after the acknowledgement has committed
        }
        return verdict != null ? verdict : caller.may(Permission.AUDIT_READ) ? monitor.health().verdict() : null;
    }

    public ChainHealth getHealth() {
        return monitor.health();
    }

    /** Acknowledges the break at a record with the reason given: a record of its own in the chain. */
    @Audited(AuditChain.ACKNOWLEDGE_ACTION)
    public void acknowledge(long recordId) {
        if (!permission.granted(Permission.AUDIT_ACKNOWLEDGE, "Acknowledging a break of the audit chain")) {
            return;
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Say why the break is acknowledged (at most " + MAX_REASON + " characters)", null));
            transactions.setRollbackOnly();
            return;
        }
        messages.attempt(() -> {
            ChainBreak broken = trail.unacknowledgedBreak(recordId);
            audit.target(AuditChain.acknowledgement(recordId));
            audit.change(broken, Map.of("reason", reason.strip()));
            messages.done("The break at record " + recordId + " is acknowledged; every verification still shows it, "
                    + "marked as acknowledged");
        });
        verifyOnRender = true;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
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
