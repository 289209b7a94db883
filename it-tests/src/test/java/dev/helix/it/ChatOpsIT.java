package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Chat-ops with requests signed as Discord (a real Ed25519 key pair) and Slack (HMAC with a signing secret) sign them:
 * a PING is answered, a chat user links to a Helix user with a code and then creates, reads and decides tasks with
 * that user's permissions and audit records; a forged or stale signature is refused and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ChatOpsIT {

    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Pattern CODE = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}");

    private static KeyPair discord;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @BeforeAll
    static void configure() throws Exception {
        discord = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = discord.getPublic().getEncoded();
        String publicKey = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        JsonObject settings = HelixClient.admin().put("/api/v1/admin/chatops", "{\"discord\":{\"publicKey\":\"" + publicKey
                + "\"},\"slack\":{\"signingSecret\":\"" + SLACK_SECRET + "\"}}").expect(200).object();
        assertTrue(settings.getBoolean("discordConfigured") && settings.getBoolean("slackConfigured"), settings::toString);
        assertFalse(settings.toString().contains(SLACK_SECRET), "the signing secret is never shown");
    }

    @Test
    void discordPingsArePongedAndALinkedUserDrivesATask() throws Exception {
        assertEquals(1, discord("{\"type\":1}").expect(200).object().getInt("type"));

        String chatUser = "disc-" + System.nanoTime();
        JsonObject unlinked = discord(command(chatUser, "status 1")).expect(200).object();
        assertTrue(embed(unlinked).getString("description").contains("link"), unlinked::toString);
        assertEquals(64, unlinked.getJsonObject("data").getInt("flags"), "to the asker alone");

        HelixClient developer = HelixClient.user("chat-dev", "developer");
        JsonObject linked = discord(command(chatUser, "link " + codeFor(developer))).expect(200).object();
        assertTrue(embed(linked).getString("description").contains("acts as chat-dev"), linked::toString);
        assertTrue(embed(discord(command(chatUser, "link " + "ABCD-EFGH")).expect(200).object()).getString("description")
                .contains("unknown or expired"));

        JsonObject created = discord(command(chatUser, "create Chat login | Add a login page")).expect(200).object();
        String title = embed(created).getString("title");
        assertTrue(title.contains("chat-dev"), created::toString);
        long id = Long.parseLong(embed(created).getString("description").replaceAll("(?s)^#(\\d+).*", "$1"));
        JsonObject task = developer.get("/api/v1/tasks/" + id).expect(200).object();
        assertEquals("chat-dev", task.getString("createdBy"));
        assertEquals("Add a login page", task.getString("prompt"));
        JsonObject audited = HelixClient.admin().get("/api/v1/admin/audit?limit=1&actor=chat-dev&action=task.create")
                .expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals("/api/v1/tasks/" + id, audited.getString("target"));

        JsonObject denied = discord(command(chatUser, "approve " + id)).expect(200).object();
        assertTrue(embed(denied).getString("description").contains("task:decide"), denied::toString);
    }

    @Test
    void aForgedOrStaleSignatureIsRefusedAndChangesNothing() throws Exception {
        HelixClient developer = HelixClient.user("chat-forger", "developer");
        int before = developer.get("/api/v1/tasks?limit=1000").expect(200).json().asJsonArray().size();
        // Linked on both platforms: a request that got through would create the task.
        String chatUser = "forged-" + System.nanoTime();
        discord(command(chatUser, "link " + codeFor(developer))).expect(200);
        signedSlack(chatUser, "link " + codeFor(developer)).expect(200);
        String body = command(chatUser, "create Forged | Should never exist");

        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HelixClient.anonymous().call("POST", "/api/v1/chatops/discord", HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "application/json", "X-Signature-Ed25519", ed25519(other, timestamp, body),
                "X-Signature-Timestamp", timestamp).problem(401);
        HelixClient.anonymous().call("POST", "/api/v1/chatops/discord", HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "application/json").problem(401);
        String signedOther = ed25519(discord, timestamp, "{\"type\":1}");
        HelixClient.anonymous().call("POST", "/api/v1/chatops/discord", HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "application/json", "X-Signature-Ed25519", signedOther, "X-Signature-Timestamp", timestamp)
                .problem(401);

        String form = slackForm(chatUser, "create Forged | Should never exist");
        String stale = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
        JsonObject staleRefused = slack(form, stale, slackSignature(SLACK_SECRET, stale, form)).problem(401);
        assertTrue(staleRefused.getString("detail").contains("minutes"), staleRefused::toString);
        String now = String.valueOf(Instant.now().getEpochSecond());
        slack(form, now, slackSignature("not-the-signing-secret-at-all", now, form)).problem(401);
        slack(form, now, slackSignature(SLACK_SECRET, now, form.replace("Forged", "Forget"))).problem(401);
        // Credentials on a signed path are no sign-in: the signature alone decides.
        JsonObject withCredentials = HelixClient.as("nobody-at-all", "not-a-password").call("POST", "/api/v1/chatops/slack",
                HttpRequest.BodyPublishers.ofString(form), "Content-Type", "application/x-www-form-urlencoded",
                "X-Slack-Request-Timestamp", now, "X-Slack-Signature", "v0=" + "0".repeat(64)).problem(401);
        assertEquals("Bad signature", withCredentials.getString("title"));

        String old = String.valueOf(Instant.now().minusSeconds(600).getEpochSecond());
        HelixClient.anonymous().call("POST", "/api/v1/chatops/discord", HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "application/json", "X-Signature-Ed25519", ed25519(discord, old, body),
                "X-Signature-Timestamp", old).problem(401);

        assertEquals(before, developer.get("/api/v1/tasks?limit=1000").expect(200).json().asJsonArray().size());
        assertTrue(embed(discord(command(chatUser, "fleet")).expect(200).object()).getString("title").contains("Fleet"),
                "the same chat user, signed rightly, is heard");
    }

    @Test
    void aLinkedSlackOperatorReadsAndApprovesAndSeesWhatWaits() throws Exception {
        String chatUser = "U" + System.nanoTime();
        HelixClient operator = HelixClient.user("chat-ops-oscar", "operator");
        JsonObject howTo = signedSlack(chatUser, "link").expect(200).object();
        assertEquals("ephemeral", howTo.getString("response_type"));
        assertTrue(howTo.toString().contains("/api/v1/me/chat-links"), howTo::toString);
        signedSlack(chatUser, "link " + codeFor(operator)).expect(200);
        assertEquals("SLACK", operator.get("/api/v1/me/chat-links").expect(200).json().asJsonArray().getJsonObject(0)
                .getString("platform"));

        long id = operator.post("/api/v1/tasks", "{\"title\":\"Slack gate\",\"prompt\":\"Fix the typo\"}").expect(201)
                .object().getJsonNumber("id").longValue();
        operator.awaitStatus(id, "SPEC_REVIEW");
        JsonObject pending = signedSlack(chatUser, "pending").expect(200).object();
        assertEquals("in_channel", pending.getString("response_type"));
        assertTrue(pending.toString().contains("#" + id + " Slack gate"), pending::toString);

        JsonObject status = signedSlack(chatUser, "status " + id).expect(200).object();
        assertTrue(status.toString().contains("spec review"), status::toString);
        JsonObject approved = signedSlack(chatUser, "approve " + id + " fine by chat").expect(200).object();
        assertTrue(approved.getString("text").contains("Approved by chat-ops-oscar"), approved::toString);
        assertTrue(approved.toString().contains("Status: spec approved"), approved::toString);
        JsonObject decision = operator.get("/api/v1/tasks/" + id + "/approvals").expect(200).json().asJsonArray()
                .getJsonObject(0);
        assertEquals("chat-ops-oscar", decision.getString("decidedBy"));
        assertEquals("fine by chat", decision.getString("comment"));
        assertTrue(signedSlack(chatUser, "fleet").expect(200).object().toString().contains("Agents:"));

        try (HookReceiver slackHooks = new HookReceiver()) {
            String form = slackForm(chatUser, "create Followed up | Fix the typo").replace(
                    "https%3A%2F%2Fhooks.slack.test%2Fx", URLEncoder.encode(slackHooks.url("/follow-up"), StandardCharsets.UTF_8));
            String now = String.valueOf(Instant.now().getEpochSecond());
            JsonObject created = slack(form, now, slackSignature(SLACK_SECRET, now, form)).expect(200).object();
            assertTrue(created.toString().contains("I will post here"), created::toString);
            long followed = Long.parseLong(created.toString().replaceAll("(?s).*#(\\d+) Followed up.*", "$1"));
            for (Instant deadline = Instant.now().plusSeconds(60); slackHooks.received().isEmpty(); HelixClient.sleep(200)) {
                assertTrue(Instant.now().isBefore(deadline), "no follow-up within 60 s");
            }
            String followUp = slackHooks.received().get(0).body();
            assertTrue(followUp.contains("Task #" + followed + " Followed up is now spec review"), followUp);
            assertTrue(followUp.contains("\"response_type\":\"in_channel\""), followUp);
        }

        operator.delete("/api/v1/me/chat-links/slack").expect(204);
        assertTrue(signedSlack(chatUser, "pending").expect(200).object().toString().contains("not linked"));
    }

    /** A link code issued in Helix to the user, as the portal shows it. */
    static String codeFor(HelixClient user) {
        String code = user.postEmpty("/api/v1/me/chat-links").expect(201).object().getString("code");
        assertTrue(CODE.matcher(code).matches(), code);
        return code;
    }

    private static String command(String chatUser, String text) {
        return "{\"type\":2,\"data\":{\"name\":\"helix\",\"options\":[{\"name\":\"command\",\"type\":3,\"value\":\""
                + text + "\"}]},\"member\":{\"user\":{\"id\":\"" + chatUser + "\"}}}";
    }

    private static JsonObject embed(JsonObject answer) {
        return answer.getJsonObject("data").getJsonArray("embeds").getJsonObject(0);
    }

    private static HelixClient.Answer discord(String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return HelixClient.anonymous().call("POST", "/api/v1/chatops/discord", HttpRequest.BodyPublishers.ofString(body),
                "Content-Type", "application/json", "X-Signature-Ed25519", ed25519(discord, timestamp, body),
                "X-Signature-Timestamp", timestamp);
    }

    private static String ed25519(KeyPair keys, String timestamp, String body) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(keys.getPrivate());
        signature.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(signature.sign());
    }

    /** A slash command as Slack sends it, signed with {@link #SLACK_SECRET}. */
    static HelixClient.Answer signedSlack(String chatUser, String text) throws Exception {
        String form = slackForm(chatUser, text);
        String now = String.valueOf(Instant.now().getEpochSecond());
        return slack(form, now, slackSignature(SLACK_SECRET, now, form));
    }

    private static String slackForm(String chatUser, String text) {
        return "token=ignored&team_id=T1&channel_id=C1&user_id=" + chatUser + "&command=%2Fhelix&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&response_url=https%3A%2F%2Fhooks.slack.test%2Fx";
    }

    private static HelixClient.Answer slack(String form, String timestamp, String signature) {
        return HelixClient.anonymous().call("POST", "/api/v1/chatops/slack", HttpRequest.BodyPublishers.ofString(form),
                "Content-Type", "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", signature);
    }

    private static String slackSignature(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }
}
