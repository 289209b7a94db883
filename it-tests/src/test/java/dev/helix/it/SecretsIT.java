package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrets are encrypted at rest and stay readable through a key rotation. The test opens the rows itself, from
 * the database and the server's key ring file, with AES-256-GCM as documented: independent of Helix's code.
 */
@ExtendWith(ArquillianExtension.class)
class SecretsIT {

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void secretsAreStoredEncryptedNeverShownAndSurviveAKeyRotation() throws Exception {
        String suffix = String.valueOf(System.nanoTime());
        Map<String, String> secrets = Map.of("openai.api-key." + suffix, "sk-live-" + suffix,
                "webhook.deploy." + suffix, "whsec-" + suffix);
        secrets.forEach((name, value) -> {
            JsonObject stored = admin.put("/api/v1/admin/secrets/" + name, "{\"value\":\"" + value + "\"}").expect(200).object();
            assertEquals(name, stored.getString("name"));
            assertFalse(stored.toString().contains(value), "a secret's value is never answered");
        });
        String listed = admin.get("/api/v1/admin/secrets").expect(200).body();
        String audit = admin.get("/api/v1/admin/audit?action=secret.put&limit=10").expect(200).body();
        secrets.forEach((name, value) -> {
            assertTrue(listed.contains(name));
            assertFalse(listed.contains(value) || audit.contains(value), "no value in lists or the audit trail");
        });

        String keyBefore = keyOf(secrets.keySet().iterator().next());
        secrets.forEach((name, value) -> assertEquals(value, openFromDatabase(name)));

        JsonObject rotation = admin.post("/api/v1/admin/secrets/rotate", "").expect(200).object();
        assertTrue(rotation.getInt("reencrypted") >= secrets.size(), rotation::toString);
        String keyAfter = rotation.getString("activeKey");
        assertNotEquals(keyBefore, keyAfter);
        secrets.forEach((name, value) -> {
            assertEquals(keyAfter, keyOf(name), "re-encrypted under the new key");
            assertEquals(value, openFromDatabase(name), "still readable after the rotation");
        });

        admin.put("/api/v1/admin/secrets/Bad%20Name", "{\"value\":\"x\"}").problem(422);
        admin.delete("/api/v1/admin/secrets/" + secrets.keySet().iterator().next()).expect(204);
        admin.delete("/api/v1/admin/secrets/" + secrets.keySet().iterator().next()).problem(404);
    }

    private String keyOf(String name) {
        return admin.get("/api/v1/admin/secrets").json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow().getString("keyId");
    }

    /** Reads the row and decrypts it with the key ring file: AES/GCM, 128-bit tag, the name as associated data. */
    private static String openFromDatabase(String name) {
        try (Connection db = DriverManager.getConnection(System.getProperty("helix.it.db.url"), "sa", "");
             PreparedStatement query = db.prepareStatement("SELECT key_id, nonce, ciphertext FROM helix_secret WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "no row for " + name);
                byte[] ciphertext = row.getBytes("ciphertext");
                assertFalse(new String(ciphertext, StandardCharsets.ISO_8859_1).contains("sk-live")
                        || new String(ciphertext, StandardCharsets.ISO_8859_1).contains("whsec"), "stored in the clear");
                Properties ring = new Properties();
                try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("helix.it.server.dir"),
                        "helix-secrets.keyring"))) {
                    ring.load(in);
                }
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(
                        ring.getProperty("key." + row.getString("key_id"))), "AES"), new GCMParameterSpec(128, row.getBytes("nonce")));
                cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
                return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
            }
        } catch (Exception e) {
            throw new AssertionError("cannot open secret " + name + " from the database", e);
        }
    }
}
