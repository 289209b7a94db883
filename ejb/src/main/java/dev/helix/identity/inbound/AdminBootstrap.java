package dev.helix.identity.inbound;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.service.AuditTrail;
import dev.helix.identity.model.PasswordHasher;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.identity.service.UserDirectory;
import dev.helix.platform.service.PrivateFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the initial administrator {@code admin} exists. Its password comes from
 * {@code HELIX_ADMIN_PASSWORD}; when that is unset on the very first start, a random one is generated,
 * written once to the log and to {@code <server output dir>/helix-admin-password.txt} (owner read/write only).
 * The same account is made a Liberty server administrator through the {@link ServerAdminRegistry}, so it also
 * signs in to the Admin Center and the batch REST API.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class AdminBootstrap {

    static final String ADMIN = UserDirectory.RESERVED;
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    UserDirectory users;

    @Inject
    ServerAdminRegistry registry;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "HELIX_ADMIN_PASSWORD")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "helix.server.output.dir", defaultValue = ".")
    String outputDir;

    @PostConstruct
    void ensureAdmin() {
        Optional<String> wanted = configuredPassword.filter(p -> !p.isBlank());
        Optional<User> admin = users.user(ADMIN);
        if (admin.isEmpty()) {
            String password = wanted.orElseGet(this::generatePassword);
            users.create(ADMIN, password, Set.of(Role.ADMIN));
            registry.register(password);
            audit.record(AuditEntry.system("user.create", "/api/v1/admin/users/" + ADMIN, "the initial administrator"));
        } else if (wanted.isPresent() && !PasswordHasher.verify(wanted.get(), admin.get().getPasswordHash())) {
            users.changePassword(ADMIN, wanted.get());
            LOG.info("The admin password was changed to the value of HELIX_ADMIN_PASSWORD");
        } else if (!registry.exists() && wanted.isPresent()) {
            registry.register(wanted.get());
        } else if (registry.exists()) {
            registry.upgrade();
        } else {
            LOG.warning("The Liberty registry drop-in for 'admin' is missing; set HELIX_ADMIN_PASSWORD and restart "
                    + "to restore Admin Center access");
        }
        // A drop-in from before its roles followed the account's standing: take them away if admin lost it.
        users.user(ADMIN).ifPresent(a -> registry.follow(a.isEnabled() && a.isAdmin()));
    }

    private String generatePassword() {
        String password = PasswordHasher.randomPassword();
        Path file = Path.of(outputDir, "helix-admin-password.txt");
        PrivateFiles.write(file, password + "\n");
        LOG.warning("HELIX_ADMIN_PASSWORD was not set: generated the initial password of user 'admin': " + password
                + " (also written to " + file.toAbsolutePath().normalize() + "). It is shown only this once.");
        return password;
    }
}
