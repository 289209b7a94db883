package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server says which isolation agents' commands run under: bubblewrap here, with its user and limits. */
@ExtendWith(ArquillianExtension.class)
class SandboxIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void administratorsSeeThatCommandsRunUnderBubblewrapAsTheSandboxsOwnUserWithinLimits() {
        JsonObject status = HelixClient.admin().get("/api/v1/admin/sandbox").expect(200).object();
        assertEquals("bubblewrap", status.getString("isolation"), status.toString());
        assertTrue(status.getBoolean("available"));
        assertTrue(status.getString("version").startsWith("bubblewrap "), status.toString());
        assertEquals("uids 200000 to 200031 (one per command running), gid 65534", status.getString("runsAs"),
                "the test server runs as root, its commands do not");
        JsonObject limits = status.getJsonObject("limits");
        assertEquals("PT5M", limits.getString("wallTime"));
        assertEquals(256, limits.getInt("processes"));
    }
}
