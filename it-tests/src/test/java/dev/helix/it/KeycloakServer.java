package dev.helix.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real Keycloak for the single sign-on tests: the {@code keycloak-quarkus-dist} the build unpacked, started in
 * development mode with Helix's test realm ({@code keycloak/helix-realm.json}) imported, on port
 * {@value #PORT}. Also a small client of its token endpoint and admin REST API, so tests can get tokens and look at
 * or change the realm the way its administrators would.
 */
final class KeycloakServer implements AutoCloseable {

    static final int PORT = 18180;
    static final String ISSUER = "http://localhost:" + PORT + "/realms/helix";
    static final String CLIENT_ID = "helix";
    static final String CLIENT_SECRET = "helix-test-client-secret";
    private static final String ADMIN = "kcadmin";
    private static final String ADMIN_PASSWORD = "kcadmin-password-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;

    private KeycloakServer(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts Keycloak with a fresh copy of the realm and waits until the realm answers (the first start builds it: ~1 min). */
    static KeycloakServer start() {
        Path home = Path.of(System.getProperty("helix.it.keycloak.home", "target/keycloak/keycloak"));
        Path log = home.resolve("keycloak.log");
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/helix-realm.json")) {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(realm, imports.resolve("helix-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + PORT, "--http-management-port=" + (PORT + 10), "--import-realm")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            KeycloakServer server = new KeycloakServer(builder.start(), log);
            server.awaitRealm(Duration.ofMinutes(4));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; its log:\n" + tail());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            HelixClient.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not serve the realm within " + timeout + "; its log:\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** An access token for a realm user, from the token endpoint (direct grant, as a command-line client would). */
    String accessToken(String username, String password) {
        return post(ISSUER + "/protocol/openid-connect/token", Map.of("grant_type", "password", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "username", username, "password", password, "scope", "openid"))
                .getString("access_token");
    }

    /** The realm's roles, by name, with their descriptions. */
    Map<String, String> realmRoles() {
        JsonArray roles = Json.createReader(new StringReader(admin("GET", "/roles", null))).readArray();
        return roles.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getString("name"), r -> r.getString("description", "")));
    }

    /** Grants a realm role to a realm user, as a Keycloak administrator would. */
    void grantRealmRole(String username, String role) {
        String user = Json.createReader(new StringReader(admin("GET", "/users?exact=true&username=" + username, null)))
                .readArray().getJsonObject(0).getString("id");
        String representation = admin("GET", "/roles/" + role, null);
        admin("POST", "/users/" + user + "/role-mappings/realm", "[" + representation + "]");
    }

    private String admin(String method, String path, String json) {
        String token = post("http://localhost:" + PORT + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD)).getString("access_token");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/admin/realms/helix" + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static JsonObject post(String url, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak and the JVM its start script launched. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
