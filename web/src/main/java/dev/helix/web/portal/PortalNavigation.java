package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Which parts of the portal the header offers the signed-in user: only those their permissions open. */
@Named
@RequestScoped
public class PortalNavigation {

    @Inject
    Caller caller;

    public boolean isSpirals() {
        return caller.may(Permission.SPIRAL_READ);
    }

    public boolean isRituals() {
        return caller.may(Permission.RITUAL_READ);
    }

    public boolean isMemory() {
        return caller.may(Permission.MEMORY_READ);
    }

    public boolean isAnalytics() {
        return caller.may(Permission.ANALYTICS_READ);
    }

    public boolean isUsage() {
        return caller.may(Permission.USAGE_READ);
    }

    public boolean isUsers() {
        return caller.may(Permission.USER_READ);
    }

    public boolean isRoles() {
        return caller.may(Permission.ROLE_MANAGE);
    }

    public boolean isSecurity() {
        return caller.may(Permission.SECURITY_MANAGE);
    }

    public boolean isProviders() {
        return caller.may(Permission.PROVIDER_MANAGE);
    }

    public boolean isAudit() {
        return caller.may(Permission.AUDIT_READ);
    }

    public boolean isApiKeys() {
        return caller.may(Permission.SELF_MANAGE);
    }

    public boolean isIntegrations() {
        return caller.may(Permission.SELF_MANAGE);
    }
}
