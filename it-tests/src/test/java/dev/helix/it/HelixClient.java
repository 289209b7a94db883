package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/** A small HTTP client for the Helix API as an integrator would use it: JSON over HTTP with Basic auth. */
public final class HelixClient {

    /** Base URL of the server under test, e.g. http://localhost:19080. */
    public static final String BASE = System.getProperty("helix.it.url", "http://localhost:19080");
    /** Base URL of the server's HTTPS port, where Liberty's own REST APIs (e.g. /ibm/api/batch) answer. */
    public static final String SECURE_BASE = System.getProperty("helix.it.https.url", "https://localhost:19443");
    /** Password of the initial administrator of the test server. */
    public static final String ADMIN_PASSWORD = System.getProperty("helix.it.admin.password");

    /** What an answer to a client never holds: Java packages and types, exceptions, the runtime's message ids. */
    static final Pattern INTERNALS = Pattern.compile("java\\.|jakarta\\.|javax\\.|Exception|RESTEASY|SRVE|CWW[A-Z]"
            + "|(class|interface) [a-z]+\\.[a-z]|org\\.(jboss|eclipse|apache)\\.|com\\.ibm\\.|dev\\.helix\\.");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final HttpClient http;
    private final String authorization;

    private HelixClient(String base, HttpClient http, String authorization) {
        this.base = base;
        this.http = http;
        this.authorization = authorization;
    }

    private HelixClient(String authorization) {
        this(BASE, HTTP, authorization);
    }

    public static HelixClient as(String user, String password) {
        return new HelixClient("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The same caller, talking to another server. */
    public HelixClient at(String otherBase) {
        return new HelixClient(otherBase, HTTP, authorization);
    }

    /** The same caller over HTTPS, trusting only the test server's own certificate. */
    public HelixClient overHttps() {
        return new HelixClient(SECURE_BASE, ServerTrust.httpClient(), authorization);
    }

    /** A client that presents an API key or an access token as {@code Authorization: Bearer <credential>}. */
    public static HelixClient withBearer(String key) {
        return new HelixClient("Bearer " + key);
    }

    public static HelixClient admin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public static HelixClient anonymous() {
        return new HelixClient(null);
    }

    /** Makes sure a user with one role exists (created by the admin) and returns a client for it. */
    public static HelixClient user(String name, String role) {
        String password = name + "-password-123";
        Answer created = admin().post("/api/v1/admin/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role + "\"]}");
        if (created.status() != 201 && created.status() != 409) {
            fail("cannot create user " + name + ": " + created);
        }
        return as(name, password);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** A GET for a non-JSON resource, e.g. Prometheus text at /metrics. */
    public Answer get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    /** A file as it is downloaded: its status, type, disposition and bytes. */
    public Download download(String path) {
        HttpResponse<byte[]> response = exchange(request(path).setHeader("Accept", "*/*").GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST without a body or a Content-Type, as {@code curl -X POST} sends it. */
    public Answer postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST with a webhook signature header (none when {@code signature} is null). */
    public Answer postSigned(String path, String json, String signature) {
        return postSigned(path, json, signature, null);
    }

    /** A POST with a webhook signature header and a delivery id (each left out when null). */
    public Answer postSigned(String path, String json, String signature, String deliveryId) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (signature != null) {
            request.header("X-Helix-Signature", signature);
        }
        if (deliveryId != null) {
            request.header("X-Helix-Delivery", deliveryId);
        }
        return send(request);
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Any request, as a careless or hostile client sends it: any method and body, and headers given as name, value
     * pairs that replace this client's own (Accept, Authorization).
     */
    public Answer call(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = request(path).method(method, body);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The body compressed, as a client sends it with {@code Content-Encoding: gzip}. */
    public static byte[] gzipped(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Opens the portal's push stream as this user. */
    public FleetStream fleetStream() {
        return new FleetStream(base, authorization);
    }

    /** Reads a task until the predicate holds, or fails after the timeout. */
    public JsonObject awaitTask(long id, Predicate<JsonObject> condition, Duration timeout) {
        return await("/api/v1/tasks/" + id, condition, timeout);
    }

    /** Reads a JSON object until the predicate holds, or fails after the timeout. */
    public JsonObject await(String path, Predicate<JsonObject> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonObject answer = null;
        while (Instant.now().isBefore(deadline)) {
            answer = get(path).expect(200).json().asJsonObject();
            if (condition.test(answer)) {
                return answer;
            }
            sleep(100);
        }
        throw new AssertionError(path + " did not reach the expected state within " + timeout + "; last: " + answer);
    }

    /** A new project cloned from the seeded demo's repository, whose test command runs the demo's (failing) test. */
    public JsonObject cloneOfTheDemo(String name) {
        String demo = get("/api/v1/projects").expect(200).json().asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals("demo")).findFirst().orElseThrow().getString("repository");
        return post("/api/v1/projects", "{\"name\":\"" + name + "\",\"repository\":{\"url\":\"file://" + demo + "\"},"
                + "\"testCommand\":\"sh test.sh\"}").expect(201).object();
    }

    public JsonObject awaitStatus(long id, String status) {
        return awaitTask(id, t -> status.equals(t.getString("status")), Duration.ofSeconds(60));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("WWW-Authenticate").orElse(null),
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null), response.body(), response.headers());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A downloaded file. */
    public record Download(int status, String contentType, String disposition, byte[] body) {
    }

    /** An HTTP answer. */
    public record Answer(int status, String contentType, String wwwAuthenticate, String location, String retryAfter,
                         String body, HttpHeaders headers) {

        public Answer expect(int expected) {
            assertEquals(expected, status, () -> "unexpected status; body: " + body);
            return this;
        }

        public JsonStructure json() {
            return Json.createReader(new StringReader(body)).read();
        }

        public JsonObject object() {
            return json().asJsonObject();
        }

        /**
         * Asserts that the body names none of the server's insides: no Java package or type, no exception, no
         * message id of the REST runtime or the server (RESTEASY..., SRVE..., CWW...).
         */
        public Answer tellsNoInternals() {
            Matcher internal = INTERNALS.matcher(body);
            if (internal.find()) {
                fail("the answer names '" + internal.group() + "' of the server's insides: " + this);
            }
            return this;
        }

        /** Asserts an RFC 9457 problem with the status and returns it. */
        public JsonObject problem(int expected) {
            expect(expected);
            assertEquals("application/problem+json", contentType.split(";")[0].strip(), () -> "not a problem: " + this);
            JsonObject problem = object();
            assertEquals(expected, problem.getInt("status"));
            if (problem.getString("title", "").isBlank() || !problem.getString("type", "").startsWith("https://")) {
                fail("problem lacks a type or a title: " + body);
            }
            if (body.contains("at dev.helix") || body.contains("Exception:") && body.contains("\tat ")) {
                fail("a stack trace leaked: " + body);
            }
            return problem;
        }
    }
}
