package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.web.security.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The permission check of a portal action, where the action runs (a hidden button is no guard): without the
 * permission the page says why, and the action's transaction is marked for rollback, so the audit trail
 * records a failure, not a success.
 */
@RequestScoped
public class ActionPermission {

    @Inject
    Caller caller;

    @Inject
    FacesContext faces;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Whether the caller may; when not, refuses the running action. {@code what} reads like "Creating tasks". */
    public boolean granted(Permission permission, String what) {
        if (caller.may(permission)) {
            return true;
        }
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                what + " needs the permission " + permission.permissionName(), null));
        transactions.setRollbackOnly();
        return false;
    }
}
