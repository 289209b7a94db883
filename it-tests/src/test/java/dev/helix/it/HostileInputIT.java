package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile and careless input, case by case: bodies in the wrong encoding or charset, nested too deeply or too large,
 * malformed credentials, addresses the server refuses, expired portal views, another user's session, JSON of the
 * wrong type. Each is refused with a 4xx that says what was wrong (a problem on API paths, the portal's own page
 * elsewhere), never a 500 and never the server's insides.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final String TASK = "{\"title\":\"Hostile input\",\"prompt\":\"p\"}";
    /** The endpoints that read their body as it comes rather than as a record. */
    private static final List<String[]> RAW_BODIES = List.of(new String[] {"POST", "/api/v1/hooks/999999"},
            new String[] {"POST", "/api/v1/spirals"}, new String[] {"PUT", "/api/v1/spirals/999999"},
            new String[] {"POST", "/api/v1/rituals/no-such-ritual/runs"}, new String[] {"POST", "/api/v1/tasks"});

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private static HelixClient.Answer send(HelixClient who, String method, String path, byte[] body, String... headers) {
        return who.call(method, path, BodyPublishers.ofByteArray(body), headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyThatIsNotInItsContentEncodingIsA400AndOneTheServerCannotDecodeA415() {
        for (String[] endpoint : RAW_BODIES) {
            JsonObject problem = send(HelixClient.admin(), endpoint[0], endpoint[1], utf8("{\"name\":\"x\"}"),
                    "Content-Type", "application/json", "Content-Encoding", "gzip").problem(400);
            assertTrue(problem.getString("detail").contains("not valid gzip data"), endpoint[1] + ": " + problem);
            send(HelixClient.admin(), endpoint[0], endpoint[1], utf8("{}"), "Content-Type", "application/json",
                    "Content-Encoding", "br").problem(415);
        }
        JsonObject created = send(HelixClient.admin(), "POST", "/api/v1/tasks", HelixClient.gzipped(utf8(TASK)),
                "Content-Type", "application/json", "Content-Encoding", "gzip").expect(201).object();
        assertEquals("Hostile input", created.getString("title"), "a real gzip body is read");
    }

    @Test
    void aBodyInACharsetOtherThanUtf8IsA415() {
        for (String[] endpoint : RAW_BODIES) {
            for (String charset : List.of("bogus", "utf-16", "ISO-8859-1")) {
                JsonObject problem = send(HelixClient.admin(), endpoint[0], endpoint[1], utf8("{}"),
                        "Content-Type", "application/json; charset=" + charset).problem(415);
                assertTrue(problem.getString("detail").contains("UTF-8"), problem.toString());
            }
        }
        for (String type : List.of("application/json; charset=UTF-8", "application/json; charset=\"utf-8\"")) {
            send(HelixClient.admin(), "POST", "/api/v1/tasks", utf8(TASK), "Content-Type", type).expect(201);
        }
    }

    @Test
    void jsonNestedThousandsOfLevelsDeepIsRefused() {
        for (String deep : List.of("{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "[".repeat(5000) + "]".repeat(5000))) {
            JsonObject definition = HelixClient.admin().post("/api/v1/spirals", deep).problem(422);
            JsonObject error = definition.getJsonArray("errors").getJsonObject(0);
            assertEquals("$", error.getString("field"));
            assertTrue(error.getString("message").contains("nested more than 64 levels deep"), definition.toString());
            JsonObject task = HelixClient.admin().post("/api/v1/tasks", deep).problem(400);
            assertTrue(task.getString("detail").contains("nested more than 64 levels deep"), task.toString());
        }
    }

    @Test
    void malformedBasicCredentialsAreA401ProblemAndLockNobodyOut() {
        String noColon = Base64.getEncoder().encodeToString(utf8("admin"));
        List<String> malformed = List.of("Basic " + noColon, "Basic ", "Basic", "Basic " + "x".repeat(12_000),
                "Basic !!!", "Basic " + Base64.getEncoder().encodeToString(utf8(":no-user")));
        for (int round = 0; round < 2; round++) {
            for (String authorization : malformed) {
                for (String path : List.of("/api/v1/tasks", "/dashboard.xhtml")) {
                    HelixClient.Answer answer = HelixClient.anonymous().call("GET", path, BodyPublishers.noBody(),
                            "Authorization", authorization);
                    JsonObject problem = answer.tellsNoInternals().problem(401);
                    assertTrue(problem.getString("detail").contains("not valid Basic credentials"), problem.toString());
                    assertTrue(answer.wwwAuthenticate().startsWith("Basic"), answer.toString());
                }
            }
        }
        HelixClient.admin().get("/api/v1/tasks").expect(200);
    }

    @Test
    void anExpiredPortalViewLeadsBackToThePageWithAMessage() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(URI.create(HelixClient.BASE + "/login.xhtml?jakarta.faces.ViewState=zzz")).build(),
                HttpRequest.newBuilder(URI.create(HelixClient.BASE + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString("login_SUBMIT=1&login%3Ausername=admin&login%3Apassword=x"
                                + "&jakarta.faces.ViewState=-42%3A-42")).build())) {
            HttpResponse<String> page = browser.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertEquals(HelixClient.BASE + "/login.xhtml", page.uri().toString(), "sent to the page afresh");
            assertTrue(page.body().contains("This page had expired, so your last action was not carried out"), page.body());
            assertTrue(page.body().contains("Sign in"), "the page itself, fresh: " + page.body());
        }
    }

    @Test
    void anApiCallCarryingAnotherUsersSessionGetsProblemsNotAServerError() {
        HelixClient owner = HelixClient.user("it-session-owner", "viewer");
        HelixClient.Answer page = owner.get("/dashboard.xhtml", "text/html").expect(200);
        String session = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";")[0]).findFirst().orElseThrow(() -> new AssertionError("no session: " + page.headers()));
        HelixClient admin = HelixClient.admin();
        admin.call("GET", "/api/v1/tasks", BodyPublishers.noBody(), "Cookie", session).expect(200);
        admin.call("GET", "/api/v1/tasks%2F1", BodyPublishers.noBody(), "Cookie", session).tellsNoInternals().problem(400);
        admin.call("GET", "/api/v1/no-such-thing", BodyPublishers.noBody(), "Cookie", session).tellsNoInternals().problem(404);
        admin.call("POST", "/api/v1/tasks", BodyPublishers.ofString(TASK), "Cookie", session,
                "Content-Type", "application/json; charset=bogus").tellsNoInternals().problem(415);
    }

    @Test
    void addressesTheServerWillNotMapAreProblemsOnTheApiAndPagesOnThePortal() {
        for (String path : List.of("/api/v1/tasks%2F1", "/api/v1/%2e%2e/api/v1/tasks", "/api/v1/tasks/1%2e",
                "/api/v1/admin/users/a%2Fb", "/api/v1/tasks%5C1")) {
            HelixClient.admin().get(path).tellsNoInternals().problem(400);
        }
        HelixClient.Answer portal = HelixClient.admin().get("/dashboard.xhtml%2F", "text/html");
        assertEquals(400, portal.status());
        assertTrue(portal.body().contains("<title>Helix: something went wrong</title>"), portal.body());
        // Dot segments are resolved before the address is mapped: this is the API's users list, not a file of the
        // health endpoint.
        assertTrue(HelixClient.admin().get("/health/../api/v1/admin/users").expect(200).body().contains("\"admin\""));
        HelixClient.anonymous().get("/health/../api/v1/admin/users").tellsNoInternals().problem(401);
        // Control characters in the path are refused by the server itself, before any application sees the
        // request: a 400 whose text Helix cannot choose (see docs/architecture.md), but never a server error.
        for (String path : List.of("/api/v1/tasks/%00", "/api/v1/tasks/%09", "/api/v1/tasks/%0d%0a")) {
            HelixClient.Answer refused = HelixClient.admin().get(path);
            assertEquals(400, refused.status(), path + ": " + refused);
            assertFalse(refused.body().contains("Exception") || refused.body().contains("java."), refused.body());
        }
    }

    @Test
    void traceIsRefusedWithAProblemOnTheApiAndPlainTextElsewhere() {
        HelixClient.Answer api = HelixClient.admin().call("TRACE", "/api/v1/tasks", BodyPublishers.noBody());
        assertTrue(api.problem(405).getString("detail").contains("TRACE is not served"), api.toString());
        assertTrue(api.headers().firstValue("Allow").orElse("").contains("GET"), api.headers().toString());
        // The server's security refuses TRACE to the portal's servlets (403) before Helix sees the request; the text is
        // the one server.xml gives the server's own error answers, never the server's message.
        HelixClient.Answer portal = HelixClient.anonymous().call("TRACE", "/login.xhtml", BodyPublishers.noBody(),
                "Accept", "text/html");
        assertEquals(403, portal.status(), portal.toString());
        assertEquals("The request could not be served.", portal.body().strip());
    }

    @Test
    void unreadablePreferencesAreIgnored() {
        for (String[] header : List.of(new String[] {"Accept-Language", "zz-ZZ;q=abc,,;"},
                new String[] {"Accept", "*/*;q=abc"}, new String[] {"Accept", "application/json;q=2"})) {
            HelixClient.admin().call("GET", "/api/v1/tasks", BodyPublishers.noBody(), header).expect(200);
            HelixClient.Answer login = HelixClient.anonymous().call("GET", "/login.xhtml", BodyPublishers.noBody(), header);
            assertEquals(200, login.status(), String.join(": ", header));
            assertTrue(login.body().contains("Sign in"), login.body());
        }
    }

    @Test
    void errorsSayWhatWasWrongInTheRequestsOwnTerms() {
        JsonObject notANumber = HelixClient.admin().get("/api/v1/tasks/abc").tellsNoInternals().problem(404);
        assertTrue(notANumber.getString("detail").contains("id must be a whole number (was 'abc')"), notANumber.toString());
        HelixClient.admin().get("/api/v1/no-such-thing").tellsNoInternals().problem(404);
        JsonObject method = HelixClient.admin().delete("/api/v1/tasks").tellsNoInternals().problem(405);
        assertEquals("This address does not take DELETE; it takes GET, HEAD, OPTIONS, POST", method.getString("detail"));
        JsonObject instant = HelixClient.admin().post("/api/v1/me/api-keys", "{\"name\":\"k\",\"expiresAt\":\"yesterday\"}")
                .tellsNoInternals().problem(400);
        assertEquals("expiresAt", instant.getJsonArray("errors").getJsonObject(0).getString("field"), instant.toString());
        HelixClient.admin().post("/api/v1/me/api-keys", "{\"name\":\"k\",\"scopes\":\"task:read\"}").tellsNoInternals().problem(400);
        HelixClient.admin().call("POST", "/api/v1/tasks", BodyPublishers.ofString(TASK), "Content-Type", "text/plain")
                .tellsNoInternals().problem(415);
        HelixClient.admin().call("GET", "/api/v1/tasks", BodyPublishers.noBody(), "Accept", "application/xml")
                .tellsNoInternals().problem(406);
    }

    @Test
    void theWrongJsonTypeIsA400NamingTheField() {
        HelixClient admin = HelixClient.admin();
        // Each refused body holds the value the setting has already, so that a server that took it would change
        // nothing: this test must not turn HTTP Basic off, or disable admin, for the tests after it.
        JsonObject array = admin.put("/api/v1/admin/security", "[{\"basicAuthEnabled\":true}]").tellsNoInternals().problem(400);
        assertEquals("The request body must be an object (was an array)", array.getString("detail"));
        for (String username : List.of("123", "true", "-2147483649")) {
            JsonObject wrong = admin.post("/api/v1/admin/users", "{\"username\":" + username
                    + ",\"password\":\"a-long-password-1\",\"roles\":[\"viewer\"]}").tellsNoInternals().problem(400);
            assertEquals("username", wrong.getJsonArray("errors").getJsonObject(0).getString("field"), wrong.toString());
            admin.get("/api/v1/admin/users/" + username).problem(404);
        }
        JsonObject trailing = admin.post("/api/v1/admin/users",
                "{\"username\":\"it-trailing\",\"password\":\"a-long-password-1\",\"roles\":[\"viewer\"]}{\"b\":2}")
                .tellsNoInternals().problem(400);
        assertTrue(trailing.getString("detail").contains("goes on after its value"), trailing.toString());
        admin.get("/api/v1/admin/users/it-trailing").problem(404);
        JsonObject fraction = admin.post("/api/v1/me/api-keys", "{\"name\":\"k\",\"rateLimitPerMinute\":1.5}").problem(400);
        assertEquals("rateLimitPerMinute must be a whole number from -2147483648 to 2147483647 (was the number 1.5)",
                fraction.getString("detail"));
        admin.put("/api/v1/admin/users/admin", "{\"enabled\":\"true\"}").problem(400);
    }

    @Test
    void namesWithControlOrDirectionCharactersAreA422() {
        HelixClient admin = HelixClient.admin();
        JsonObject spiral = admin.post("/api/v1/spirals", "{\"name\":\"Nightly\\u0000\",\"trigger\":{\"type\":\"MANUAL\"},"
                + "\"steps\":[{\"type\":\"WAIT\",\"millis\":1}]}").problem(422);
        assertEquals("$.name", spiral.getJsonArray("errors").getJsonObject(0).getString("field"), spiral.toString());
        JsonObject profile = admin.post("/api/v1/agents/profiles", "{\"role\":\"it-bidi\",\"displayName\":\"\\u202Eredoc\","
                + "\"description\":\"d\",\"capabilities\":[\"code\"],\"provider\":\"offline\",\"model\":\"m\"}").problem(422);
        assertTrue(profile.getString("detail").contains("displayName must not contain characters that turn the text's direction"),
                profile.toString());
        JsonObject agent = admin.post("/api/v1/agents", "{\"role\":\"coder\",\"name\":\"bell\\u0007\"}").problem(422);
        assertTrue(agent.getString("detail").contains("name must not contain control characters (U+0007 at 5)"), agent.toString());
        JsonObject key = admin.post("/api/v1/me/api-keys", "{\"name\":\"a\\r\\nb\"}").problem(422);
        assertTrue(key.getString("detail").contains("name must not contain control characters"), key.toString());
        admin.post("/api/v1/admin/users", "{\"username\":\"ann\\u0000\",\"password\":\"a-long-password-1\","
                + "\"roles\":[\"viewer\"]}").problem(422);
    }

    @Test
    void aBodyOverTheLimitIsA413HoweverItComes() {
        byte[] large = utf8("{\"title\":\"" + "x".repeat(1024 * 1024) + "\",\"prompt\":\"p\"}");
        HelixClient admin = HelixClient.admin();
        JsonObject declared = send(admin, "POST", "/api/v1/tasks", large, "Content-Type", "application/json").problem(413);
        assertTrue(declared.getString("detail").contains("more than 1048576 bytes"), declared.toString());
        BodyPublisher chunked = BodyPublishers.fromPublisher(BodyPublishers.ofByteArray(large));
        admin.call("POST", "/api/v1/tasks", chunked, "Content-Type", "application/json").problem(413);
        send(admin, "POST", "/api/v1/tasks", HelixClient.gzipped(large), "Content-Type", "application/json", "Content-Encoding", "gzip")
                .problem(413);
        byte[] justUnder = utf8("{\"title\":\"" + "x".repeat(1000 * 1000) + "\",\"prompt\":\"p\"}");
        JsonObject tooLongATitle = send(admin, "POST", "/api/v1/tasks", justUnder, "Content-Type", "application/json")
                .problem(422);
        assertEquals("title", tooLongATitle.getJsonArray("errors").getJsonObject(0).getString("field"));
        HelixClient.Answer portal = send(HelixClient.anonymous(), "POST", "/login.xhtml", large,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        assertEquals(413, portal.status());
        assertTrue(portal.body().contains("<title>Helix: something went wrong</title>"), portal.body());
    }
}
