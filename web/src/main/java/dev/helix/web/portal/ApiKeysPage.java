package dev.helix.web.portal;

import dev.helix.identity.model.ApiKey;
import dev.helix.identity.model.IssuedApiKey;
import dev.helix.identity.model.Permission;
import dev.helix.identity.service.ApiKeys;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.identity.service.UserDirectory;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API keys page: one's own keys, or, for administrators ({@code ?user=<name>}), another account's, e.g. a
 * service account's. Issuing shows the key's text once; revoking takes effect at once.
 */
@Named
@RequestScoped
public class ApiKeysPage {

    @Inject
    ApiKeys keys;

    @Inject
    UserDirectory users;

    @Inject
    PermissionMatrix matrix;

    @Inject
    Caller caller;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    @Inject
    FacesContext faces;

    private String user;
    private String name;
    private List<String> scopes = List.of();
    private Integer expiresInDays;
    private Integer rateLimitPerMinute;
    private String issuedKey;

    /** The {@code user} parameter: in the address when the page opens, in a hidden field when its forms post. */
    @PostConstruct
    void readUser() {
        user = faces.getExternalContext().getRequestParameterMap().get("user");
    }

    /** Whose keys the page shows: the {@code user} parameter, else the signed-in user. */
    public String getOwner() {
        return user == null || user.isBlank() ? caller.name() : user;
    }

    public boolean isOwn() {
        return getOwner().equals(caller.name());
    }

    /** Another user's keys are for administrators with {@code user:read}. */
    public boolean isMaySee() {
        return isOwn() || caller.may(Permission.USER_READ);
    }

    public List<ApiKey> getKeys() {
        return isMaySee() ? keys.keysOf(getOwner()) : List.of();
    }

    /** The permissions a new key may carry: the owner's, never more than the caller's own. */
    public List<String> getGrantable() {
        return isMaySee() ? List.copyOf(Permission.names(ceiling())) : List.of();
    }

    private Set<Permission> ceiling() {
        if (isOwn()) {
            return caller.permissions();
        }
        return users.user(getOwner()).map(owner -> Permission.intersect(matrix.permissionsOf(owner.getRoles()),
                caller.permissions())).orElse(Set.of());
    }

    @Audited("apikey.issue")
    public void issue() {
        if (!permission.granted(isOwn() ? Permission.SELF_MANAGE : Permission.USER_MANAGE, "Issuing API keys")) {
            return;
        }
        messages.attempt(() -> {
            IssuedApiKey issued = keys.issue(getOwner(), name, scopes.isEmpty() ? Optional.empty()
                            : Optional.of(Permission.allNamed(scopes)), ceiling(),
                    expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays)), rateLimitPerMinute);
            audit.target("/api/v1/admin/users/" + getOwner() + "/api-keys/" + issued.stored().getId());
            issuedKey = issued.key();
            messages.done("API key " + issued.stored().getPrefix() + " issued: copy it now, it is not shown again");
            name = null;
            scopes = List.of();
        });
    }

    @Audited("apikey.revoke")
    public void revoke(long id) {
        if (!permission.granted(isOwn() ? Permission.SELF_MANAGE : Permission.USER_MANAGE, "Revoking API keys")) {
            return;
        }
        messages.attempt(() -> {
            audit.target("/api/v1/admin/users/" + getOwner() + "/api-keys/" + id);
            ApiKey revoked = keys.revoke(getOwner(), id);
            messages.done("API key " + revoked.getPrefix() + " revoked");
        });
    }

    public String getIssuedKey() {
        return issuedKey;
    }

    public String getUser() {
        return user;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null ? List.of() : scopes;
    }

    public Integer getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(Integer expiresInDays) {
        this.expiresInDays = expiresInDays;
    }

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }
}
