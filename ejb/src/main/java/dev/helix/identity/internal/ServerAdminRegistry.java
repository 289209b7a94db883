package dev.helix.identity.internal;

import com.ibm.websphere.crypto.PasswordUtil;
import dev.helix.identity.model.PasswordChanged;
import dev.helix.shared.internal.PrivateFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes Helix's {@code admin} a Liberty server administrator through the config drop-in
 * {@code configDropins/overrides/helix-admin.xml}: a basic-registry user with the password stored hashed, in the
 * administrator role (Admin Center) and the batch administrator role (batch REST API, which authorises
 * separately). Follows every change of the admin's password. The file is readable by the server's user only.
 */
@ApplicationScoped
public class ServerAdminRegistry {

    /** Marks the drop-in's form; a drop-in without it was written by an earlier Helix and is rewritten. */
    static final String VERSION = "helix-admin-registry v2";
    private static final Pattern STORED_HASH = Pattern.compile("password=\"([^\"]+)\"");
    private static final Logger LOG = Logger.getLogger(ServerAdminRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "helix.server.config.dir", defaultValue = ".")
    String configDir;

    boolean exists() {
        return Files.exists(file());
    }

    void register(String password) {
        write(PasswordUtil.passwordEncode(password, "hash"));
    }

    /** Rewrites a drop-in of an earlier form in today's, keeping its password hash. */
    void upgrade() {
        String current = PrivateFiles.read(file());
        Matcher hash = STORED_HASH.matcher(current);
        if (!current.contains(VERSION) && hash.find()) {
            write(hash.group(1));
            LOG.info("Updated the Liberty registry drop-in for '" + AdminBootstrap.ADMIN + "' to " + VERSION);
        }
    }

    void followAdminPassword(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged change) {
        if (AdminBootstrap.ADMIN.equals(change.username())) {
            register(change.password());
        }
    }

    private void write(String encodedPassword) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Helix (%s): the initial administrator, also a Liberty server administrator. -->
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
                """.formatted(VERSION, AdminBootstrap.ADMIN, encodedPassword, AdminBootstrap.ADMIN, AdminBootstrap.ADMIN);
        PrivateFiles.write(file(), xml);
    }

    private Path file() {
        return Path.of(configDir, "configDropins", "overrides", "helix-admin.xml");
    }
}
