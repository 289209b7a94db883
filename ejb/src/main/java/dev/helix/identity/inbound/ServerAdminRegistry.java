package dev.helix.identity.inbound;

import com.ibm.websphere.crypto.PasswordUtil;
import dev.helix.identity.model.AdministratorStanding;
import dev.helix.identity.model.PasswordChanged;
import dev.helix.platform.service.PrivateFiles;
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
 * separately). Follows every change of the admin's password, and of its standing: disabled, deleted or no longer
 * an administrator in Helix, it is not in Liberty's registry either (the drop-in keeps only its password hash, for
 * when it stands again). The file is readable by the server's user only.
 */
@ApplicationScoped
public class ServerAdminRegistry {

    /** Marks the drop-in's form; a drop-in without it was written by an earlier Helix and is rewritten. */
    static final String VERSION = "helix-admin-registry v4";
    private static final Pattern STORED_HASH = Pattern.compile("(?:password|value)=\"(\\{[^\"]+)\"");
    private static final Logger LOG = Logger.getLogger(ServerAdminRegistry.class.getName());

    @Inject
    @ConfigProperty(name = "helix.server.config.dir", defaultValue = ".")
    String configDir;

    boolean exists() {
        return Files.exists(file());
    }

    /** Writes the admin's password (hashed), keeping its roles; a new drop-in grants them. */
    void register(String password) {
        write(PasswordUtil.passwordEncode(password, "hash"), !exists() || grantsRoles(PrivateFiles.read(file())));
    }

    private static boolean grantsRoles(String dropIn) {
        return dropIn.contains("<administrator-role>");
    }

    /** Rewrites a drop-in of an earlier form in today's, keeping its password hash. */
    void upgrade() {
        String current = PrivateFiles.read(file());
        Matcher hash = STORED_HASH.matcher(current);
        if (!current.contains(VERSION) && hash.find()) {
            write(hash.group(1), grantsRoles(current));
            LOG.info("Updated the Liberty registry drop-in for '" + AdminBootstrap.ADMIN + "' to " + VERSION);
        }
    }

    void followAdminPassword(@Observes(during = TransactionPhase.AFTER_SUCCESS) PasswordChanged change) {
        if (AdminBootstrap.ADMIN.equals(change.username())) {
            register(change.password());
        }
    }

    /** Grants or takes away the Liberty roles, keeping the password hash; nothing to do when they are as wanted. */
    void follow(boolean administrator) {
        if (!exists()) {
            return;
        }
        String current = PrivateFiles.read(file());
        Matcher hash = STORED_HASH.matcher(current);
        if (hash.find() && grantsRoles(current) != administrator) {
            write(hash.group(1), administrator);
            LOG.info((administrator ? "Granted" : "Took away") + " the Liberty server administrator roles of '"
                    + AdminBootstrap.ADMIN + "'");
        }
    }

    void followAdminStanding(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdministratorStanding standing) {
        if (AdminBootstrap.ADMIN.equals(standing.username())) {
            follow(standing.enabledAdministrator());
        }
    }

    private void write(String encodedPassword, boolean administrator) {
        String body = !administrator ? """
                    <basicRegistry id="basic" realm="helix"/>
                    <!-- Not an enabled administrator in Helix now: no registry entry, so no sign-in to Liberty at all
                         (batch roles are granted to every caller inside the server). The hash waits here. -->
                    <variable name="helix.admin.registry-hash" value="%2$s"/>
                """ : """
                    <basicRegistry id="basic" realm="helix">
                        <user name="%1$s" password="%2$s"/>
                    </basicRegistry>
                    <administrator-role>
                        <user>%1$s</user>
                    </administrator-role>
                    <authorization-roles id="com.ibm.ws.batch">
                        <security-role name="batchAdmin">
                            <user name="%1$s"/>
                        </security-role>
                    </authorization-roles>
                """;
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Helix (%s): the initial administrator, a Liberty server administrator while it is an
                     enabled administrator in Helix. -->
                <server>
                %s</server>
                """.formatted(VERSION, body.formatted(AdminBootstrap.ADMIN, encodedPassword));
        PrivateFiles.write(file(), xml);
    }

    private Path file() {
        return Path.of(configDir, "configDropins", "overrides", "helix-admin.xml");
    }
}
