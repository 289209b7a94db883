package dev.helix.identity.internal;

import com.ibm.websphere.crypto.PasswordUtil;
import dev.helix.identity.model.PasswordHasher;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.identity.service.UserDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the initial administrator {@code admin} exists. Its password comes from
 * {@code HELIX_ADMIN_PASSWORD}; when that is unset on the very first start, a random one is generated,
 * written once to the log and to {@code <server output dir>/helix-admin-password.txt} (owner read/write only).
 * The same account is made a Liberty server administrator through a config drop-in, so it also signs in to
 * the Admin Center and the batch REST API.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    UserDirectory users;

    @Inject
    @ConfigProperty(name = "HELIX_ADMIN_PASSWORD")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "helix.server.output.dir", defaultValue = ".")
    String outputDir;

    @Inject
    @ConfigProperty(name = "helix.server.config.dir", defaultValue = ".")
    String configDir;

    @PostConstruct
    void ensureAdmin() {
        Optional<String> wanted = configuredPassword.filter(p -> !p.isBlank());
        Optional<User> admin = users.user(ADMIN);
        if (admin.isEmpty()) {
            String password = wanted.orElseGet(this::generatePassword);
            users.create(ADMIN, password, Set.of(Role.ADMIN));
            writeServerRegistry(password);
        } else if (wanted.isPresent() && !PasswordHasher.verify(wanted.get(), admin.get().getPasswordHash())) {
            users.changePassword(ADMIN, wanted.get());
            writeServerRegistry(wanted.get());
            LOG.info("The admin password was changed to the value of HELIX_ADMIN_PASSWORD");
        } else if (!Files.exists(registryFile()) && wanted.isPresent()) {
            writeServerRegistry(wanted.get());
        } else if (!Files.exists(registryFile())) {
            LOG.warning("The Liberty registry drop-in for 'admin' is missing; set HELIX_ADMIN_PASSWORD and restart "
                    + "to restore Admin Center access");
        }
    }

    private String generatePassword() {
        String password = PasswordHasher.randomPassword();
        Path file = Path.of(outputDir, "helix-admin-password.txt");
        writePrivately(file, password + "\n");
        LOG.warning("HELIX_ADMIN_PASSWORD was not set: generated the initial password of user 'admin': " + password
                + " (also written to " + file.toAbsolutePath().normalize() + "). It is shown only this once.");
        return password;
    }

    /**
     * Registers {@code admin} with the server's basic registry, password stored hashed, as server administrator
     * (Admin Center) and batch administrator (the batch REST API and the Admin Center's batch tool, which
     * authorise separately).
     */
    private void writeServerRegistry(String password) {
        String encoded = PasswordUtil.passwordEncode(password, "hash");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Helix at start-up: the initial administrator, also a Liberty server administrator. -->
                <server>
                    <basicRegistry id="basic" realm="helix">
                        <user name="%s" password="%s"/>
                    </basicRegistry>
                    <administrator-role>
                        <user>%s</user>
                    </administrator-role>
                    <authorization-roles id="com.ibm.ws.batch">
                        <security-role name="batchAdmin">
                            <user name="%s"/>
                        </security-role>
                    </authorization-roles>
                </server>
                """.formatted(ADMIN, encoded, ADMIN, ADMIN);
        writePrivately(registryFile(), xml);
    }

    private Path registryFile() {
        return Path.of(configDir, "configDropins", "overrides", "helix-admin.xml");
    }

    private static void writePrivately(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
