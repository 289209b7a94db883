package dev.helix.web.portal.admin;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.SecurityPolicy;
import dev.helix.identity.service.SecuritySettings;
import dev.helix.secrets.model.Rotation;
import dev.helix.secrets.model.StoredSecret;
import dev.helix.secrets.service.SecretVault;
import dev.helix.sso.model.RoleSyncReport;
import dev.helix.sso.model.SsoConfiguration;
import dev.helix.sso.service.OpenIdProvider;
import dev.helix.sso.service.RealmRoleSync;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.portal.ActionPermission;
import dev.helix.web.portal.PortalMessages;
import dev.helix.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The security page: whether HTTP Basic is accepted, single sign-on's configuration and role synchronisation, and
 * the encrypted secrets (names and key ids only) with key rotation.
 */
@Named
@RequestScoped
public class SecurityPage {

    @Inject
    SecuritySettings settings;

    @Inject
    OpenIdProvider sso;

    @Inject
    RealmRoleSync roleSync;

    @Inject
    SecretVault vault;

    @Inject
    ActionPermission permission;

    @Inject
    Caller caller;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    private boolean basicAuthEnabled;

    @PostConstruct
    void load() {
        basicAuthEnabled = settings.policy().basicAuthEnabled();
    }

    @Audited("security.change")
    public void save() {
        if (!permission.granted(Permission.SECURITY_MANAGE, "Changing security settings")) {
            return;
        }
        SecurityPolicy before = settings.policy();
        audit.target("/api/v1/admin/security");
        messages.attempt(() -> {
            SecurityPolicy after = settings.change(new SecurityPolicy(basicAuthEnabled));
            audit.change(before, after);
            messages.done(after.basicAuthEnabled() ? "HTTP Basic is accepted" : "HTTP Basic is turned off");
        });
    }

    @Audited("sso.role-sync")
    public void synchroniseRoles() {
        if (!permission.granted(Permission.ROLE_MANAGE, "Synchronising roles into the realm")) {
            return;
        }
        audit.target("/api/v1/admin/sso/role-sync");
        messages.attempt(() -> {
            RoleSyncReport report = roleSync.synchronise();
            messages.done("Realm " + report.realm() + ": created " + report.created() + ", updated " + report.updated()
                    + ", unchanged " + report.unchanged());
        });
    }

    @Audited("secret.rotate-key")
    public void rotate() {
        if (!permission.granted(Permission.SECURITY_MANAGE, "Rotating the secrets' key")) {
            return;
        }
        audit.target("/api/v1/admin/secrets/rotate");
        messages.attempt(() -> {
            Rotation rotation = vault.rotate();
            messages.done("Key " + rotation.activeKey() + " is active; " + rotation.reencrypted() + " secrets re-encrypted");
        });
    }

    public SsoConfiguration getSso() {
        return sso.configuration();
    }

    public List<StoredSecret> getSecrets() {
        return caller.may(Permission.SECURITY_MANAGE) ? vault.all() : List.of();
    }

    public boolean isBasicAuthEnabled() {
        return basicAuthEnabled;
    }

    public void setBasicAuthEnabled(boolean basicAuthEnabled) {
        this.basicAuthEnabled = basicAuthEnabled;
    }
}
