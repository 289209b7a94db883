package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes every operation of the OpenAPI document the running server publishes (so an endpoint added later is fuzzed
 * without touching this test), as the signed-in test administrator and with broken credentials: malformed and
 * deeply nested bodies, each field of the request schema in a wrong JSON type, huge values, wrong, bogus and
 * charset-bearing content types, content encodings the body is not in, odd Accept headers, bad path and query
 * values, a method the path does not take. Every answer must be below 500; under {@code /api} every error must be a
 * problem+json and no answer may set a cookie (start a session); no answer may name the server's insides
 * ({@link HelixClient#INTERNALS}). Seeded, so each run sends
 * the same requests; the counts per operation go to the test's output.
 *
 * <p>It must not wreck what other tests rely on, so no request it sends can succeed at changing anything:
 * <ul>
 *   <li>path parameters are only values that name nothing (ids no record has, names no user, role, ritual or secret
 *       has, garbage): the admin user, the roles and their matrix are never addressed;</li>
 *   <li>every body is one the operation must refuse (broken JSON, or a field of the wrong type), also the bodies
 *       that only carry a header case; and {@code basicAuthEnabled} ({@code PUT /admin/security}) only ever gets
 *       wrong values that a lenient server would read as {@code true}, so that not even a regression turns HTTP
 *       Basic off for the tests after this one;</li>
 *   <li>operations that take no body and no path parameter would act when called well, so they only get the broken
 *       credentials: {@code POST /admin/secrets/rotate} (re-encrypts every secret) and
 *       {@code POST /admin/sso/role-sync} (calls the realm's Keycloak, which no test runs now: its honest answer is
 *       a 503);</li>
 *   <li>broken credentials are malformed Basic headers and unknown user names, never a wrong password for a real
 *       user nor a wrong API key or token (those would lock this address out of real accounts and keys);</li>
 *   <li>it keeps below the administrator's request allowance (1000 a minute), so the tests after it are not
 *       refused for too many requests.</li>
 * </ul>
 */
@ExtendWith(ArquillianExtension.class)
class ApiFuzzIT {

    private static final long SEED = 20_261_204L;
    /** The administrator's requests a second: below the 1000 a minute (16.7 a second) that refill its allowance. */
    private static final double PACE = 14;
    private static final Set<String> ONLY_BROKEN_CREDENTIALS = Set.of("POST /api/v1/admin/secrets/rotate",
            "POST /api/v1/admin/sso/role-sync");
    /** Path values that name nothing. */
    private static final List<String> PATH_VALUES = List.of("abc", "0", "-1", "999999999", "99999999999999999999",
            "fuzz-nobody", "%2e%2e", "a%2Fb", "%C3%BC", "%F0%9F%9A%80", "%25", "a;b", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D",
            "'%22%3C", "x".repeat(3000), "1e3", " 1".replace(" ", "%20"));
    private static final List<String> QUERY_VALUES = List.of("abc", "-1", "0", "2147483648", "99999999999999999999999",
            "", "1.5", "x".repeat(5000), "1970-01-01T00:00:00Z", "%2B1000000-01-01T00:00:00Z", "yesterday", "%00", "csv",
            "%F0%9F%9A%80", "true");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "garbage",
            "application/json; charset=bogus", "application/json; charset=utf-16", "application/x-www-form-urlencoded",
            "multipart/form-data", "application/json;;;=", "application/json; charset=\"utf-8\"");
    private static final List<String> ENCODINGS = List.of("gzip", "deflate", "br", "gzip, gzip", "identity", "x-gzip");
    /** The wrong values sent for basicAuthEnabled: each would mean "on" to a server that took it. */
    private static final List<String> ALWAYS_ON = List.of("\"true\"", "1", "[true]", "\"yes\"");
    private static final List<String[]> ACCEPTS = List.of(new String[] {"Accept", "application/xml"},
            new String[] {"Accept", ";;;"}, new String[] {"Accept", "*/*;q=abc"},
            new String[] {"Accept-Language", "zz-ZZ;q=abc,,;"}, new String[] {"Accept-Charset", "bogus"});

    private long lastSent;
    private int unknownUsers;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    /** One operation of the document. */
    private record Operation(String method, String path, List<String> pathParameters, List<String> queryParameters,
                             JsonObject bodySchema) {

        String key() {
            return method + " " + path;
        }
    }

    /** One request to send, as the administrator or with the credentials in its headers, described for the report. */
    private record Case(String what, boolean asAdmin, String method, String path, byte[] body, String... headers) {
    }

    @Test
    void noRequestMakesTheApiFailOrTellItsInsides() {
        JsonObject document = HelixClient.admin().get("/openapi?format=JSON", "application/json").expect(200).object();
        List<Operation> operations = operations(document);
        assertTrue(operations.size() > 60, "the document lists " + operations.size() + " operations");
        List<String> failures = new ArrayList<>();
        int total = 0;
        for (Operation operation : operations) {
            Random random = new Random(SEED * 31 + operation.key().hashCode());
            List<Case> cases = cases(operation, random);
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Case c : cases) {
                HelixClient.Answer answer = send(c);
                statuses.merge(answer.status(), 1, Integer::sum);
                String broken = broken(c, answer);
                if (broken != null) {
                    failures.add(operation.key() + " [" + c.what() + "] " + c.method() + " " + abbreviated(c.path())
                            + ": " + broken);
                }
            }
            total += cases.size();
            System.out.printf("fuzz %-58s %3d requests, statuses %s%n", operation.key(), cases.size(), statuses);
        }
        System.out.printf("fuzz: %d operations, %d requests, %d broke the contract%n", operations.size(), total,
                failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " answers broke the contract:\n"
                + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
    }

    /** What is wrong with the answer, or null. */
    private static String broken(Case c, HelixClient.Answer answer) {
        if (answer.status() >= 500) {
            return "answered " + answer.status() + ": " + abbreviated(answer.body());
        }
        if (c.path().startsWith("/api/") && answer.headers().firstValue("Set-Cookie").isPresent()) {
            return "set a cookie (an API call starts no session): " + answer.headers().allValues("Set-Cookie");
        }
        if (answer.status() >= 400 && c.path().startsWith("/api/")) {
            try {
                answer.tellsNoInternals().problem(answer.status());
            } catch (AssertionError e) {
                return abbreviated(e.getMessage());
            }
        }
        return null;
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private HelixClient.Answer send(Case c) {
        if (c.asAdmin()) {
            long wait = lastSent + (long) (1000 / PACE) - System.currentTimeMillis();
            if (wait > 0) {
                HelixClient.sleep(wait);
            }
            lastSent = System.currentTimeMillis();
        }
        HelixClient client = c.asAdmin() ? HelixClient.admin() : HelixClient.anonymous();
        return client.call(c.method(), c.path(), c.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(c.body()),
                c.headers());
    }

    private static List<Operation> operations(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        String base = document.getJsonArray("servers") == null ? "" : URI.create(
                document.getJsonArray("servers").getJsonObject(0).getString("url")).getPath();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, op) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            List<String> pathParameters = new ArrayList<>();
            List<String> queryParameters = new ArrayList<>();
            JsonObject operation = op.asJsonObject();
            for (JsonValue parameter : operation.getJsonArray("parameters") == null ? List.<JsonValue>of()
                    : operation.getJsonArray("parameters")) {
                JsonObject p = resolve(document, parameter.asJsonObject());
                ("path".equals(p.getString("in")) ? pathParameters : queryParameters).add(p.getString("name"));
            }
            JsonObject body = null;
            if (operation.containsKey("requestBody")) {
                JsonObject content = resolve(document, operation.getJsonObject("requestBody")).getJsonObject("content");
                JsonObject media = content == null || content.isEmpty() ? null
                        : content.getJsonObject(content.keySet().iterator().next());
                body = media == null || !media.containsKey("schema") ? Json.createObjectBuilder().build()
                        : resolve(document, media.getJsonObject("schema"));
            }
            String full = path.startsWith("/api/") ? path : base.replaceAll("/$", "") + path;
            operations.add(new Operation(method.toUpperCase(), full, pathParameters, queryParameters, body));
        }));
        return operations;
    }

    private static JsonObject resolve(JsonObject document, JsonObject value) {
        if (!value.containsKey("$ref")) {
            return value;
        }
        JsonObject at = document;
        for (String part : value.getString("$ref").substring(2).split("/")) {
            at = at.getJsonObject(part);
        }
        return resolve(document, at);
    }

    private List<Case> cases(Operation operation, Random random) {
        List<Case> cases = new ArrayList<>();
        Supplier<String> path = () -> concretePath(operation, random);
        for (int i = 0; i < 3; i++) {
            cases.add(credentialCase(operation, path.get(), random));
        }
        cases.add(new Case("anonymous", false, operation.method(), path.get(), null));
        if (ONLY_BROKEN_CREDENTIALS.contains(operation.key())) {
            return cases;
        }
        byte[] carrier = carrier(operation, random);
        for (int i = 0; i < 3; i++) {
            cases.add(new Case("path values", true, operation.method(), path.get(), carrier, json()));
        }
        for (String query : operation.queryParameters()) {
            for (int i = 0; i < 2; i++) {
                String value = QUERY_VALUES.get(random.nextInt(QUERY_VALUES.size()));
                cases.add(new Case("query " + query, true, operation.method(), path.get() + "?" + query + "=" + value, carrier, json()));
            }
        }
        String unusedMethod = operation.method().equals("PATCH") ? "PUT" : "PATCH";
        cases.add(new Case("method", true, unusedMethod, path.get(), carrier, json()));
        for (int i = 0; i < 2; i++) {
            String type = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            cases.add(new Case("content type " + type, true, operation.method(), path.get(), carrier, "Content-Type", type));
        }
        for (int i = 0; i < 2; i++) {
            String encoding = ENCODINGS.get(random.nextInt(ENCODINGS.size()));
            cases.add(new Case("encoding " + encoding, true, operation.method(), path.get(), carrier,
                    "Content-Type", "application/json", "Content-Encoding", encoding));
        }
        cases.add(new Case("gzip of a refused body", true, operation.method(), path.get(), HelixClient.gzipped(carrier),
                "Content-Type", "application/json", "Content-Encoding", "gzip"));
        String[] accept = ACCEPTS.get(random.nextInt(ACCEPTS.size()));
        cases.add(new Case(accept[0] + " " + accept[1], true, operation.method(), path.get(), carrier,
                "Content-Type", "application/json", accept[0], accept[1]));
        List<Map.Entry<String, byte[]>> bodies = bodies(operation, random);
        for (int i = 0; i < 8; i++) {
            Map.Entry<String, byte[]> body = bodies.get(random.nextInt(bodies.size()));
            cases.add(new Case(body.getKey(), true, operation.method(), path.get(), body.getValue(), json()));
        }
        return cases;
    }

    private static String[] json() {
        return new String[] {"Content-Type", "application/json"};
    }

    private Case credentialCase(Operation operation, String path, Random random) {
        String authorization = switch (random.nextInt(7)) {
            case 0 -> "Basic " + base64("admin");
            case 1 -> "Basic ";
            case 2 -> "Basic " + "y".repeat(12_000);
            case 3 -> "Basic !!!not base64";
            case 4 -> "Digest username=\"admin\"";
            case 5 -> "Basic " + base64(":no-user");
            default -> "Basic " + base64("fuzz-unknown-" + (++unknownUsers) + ":wrong-password-" + random.nextInt());
        };
        return new Case("credentials " + authorization.substring(0, Math.min(authorization.length(), 20)), false,
                operation.method(), path, null, "Authorization", authorization);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String concretePath(Operation operation, Random random) {
        String path = operation.path();
        for (String name : operation.pathParameters()) {
            path = path.replace("{" + name + "}", PATH_VALUES.get(random.nextInt(PATH_VALUES.size())));
        }
        return path;
    }

    /** A body the operation must refuse, to carry the cases about headers: one field of the wrong type. */
    private static byte[] carrier(Operation operation, Random random) {
        Map<String, JsonObject> properties = properties(operation);
        if (properties.isEmpty()) {
            return "{\"fuzz\":".getBytes(StandardCharsets.UTF_8);
        }
        List<String> names = new ArrayList<>(properties.keySet());
        String wrong = names.get(random.nextInt(names.size()));
        return skeleton(properties, Map.of(wrong, wrongValue(wrong, properties.get(wrong), random))).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, JsonObject> properties(Operation operation) {
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        if (operation.bodySchema() != null && operation.bodySchema().containsKey("properties")) {
            operation.bodySchema().getJsonObject("properties").forEach((k, v) -> properties.put(k, v.asJsonObject()));
        }
        return properties;
    }

    /** Every property with a value of its own type, but those given. */
    private static String skeleton(Map<String, JsonObject> properties, Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        properties.forEach((name, schema) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(values.getOrDefault(name, rightValue(schema))));
        return json.append('}').toString();
    }

    private static String type(JsonObject schema) {
        return schema.containsKey("enum") ? "enum" : schema.getString("type", "object");
    }

    private static String rightValue(JsonObject schema) {
        return switch (type(schema)) {
            case "string", "enum" -> "\"fuzz\"";
            case "integer" -> "1";
            case "number" -> "1.5";
            case "boolean" -> "true";
            case "array" -> "[]";
            default -> "{}";
        };
    }

    /** A value no field of this type may take, huge or odd where it can. */
    private static String wrongValue(String property, JsonObject schema, Random random) {
        if (property.equals("basicAuthEnabled")) {
            return ALWAYS_ON.get(random.nextInt(ALWAYS_ON.size()));
        }
        List<String> wrong = new ArrayList<>(List.of("[{\"nested\":[1,2,3]}]", "{\"a\":{\"b\":1}}"));
        switch (type(schema)) {
            case "string", "enum" -> wrong.addAll(List.of("123", "true", "-2147483649", "1e999999999", "[\"x\"]"));
            case "integer" -> wrong.addAll(List.of("1.5", "\"1\"", "2147483648", "-9223372036854775809", "1e999999999",
                    "true", "\"" + "9".repeat(90) + "\""));
            case "number" -> wrong.addAll(List.of("\"1.5\"", "true", "\"NaN\""));
            case "boolean" -> wrong.addAll(List.of("\"true\"", "\"false\"", "0", "1", "\"yes\""));
            case "array" -> wrong.addAll(List.of("\"task:read\"", "1", "true", "[1,2]", "[[\"x\"]]", "[true]"));
            default -> wrong.addAll(List.of("\"x\"", "1", "[]"));
        }
        return wrong.get(random.nextInt(wrong.size()));
    }

    /** Bodies every operation that reads one must refuse, by name. */
    private static List<Map.Entry<String, byte[]>> bodies(Operation operation, Random random) {
        Map<String, JsonObject> properties = properties(operation);
        List<Map.Entry<String, byte[]>> bodies = new ArrayList<>();
        for (String text : List.of("{", "[", "nul", "{\"a\":}", "{\"a\" 1}", "{\"a\":1}{\"b\":2}", "[1] x", "\"just text\"",
                "1e999999999", "{\"a\":1,\"a\":2}", "[" + "9".repeat(150) + "]", "[\"\\ud800\"]", "\u0000\u0001\u0002")) {
            bodies.add(Map.entry("malformed " + abbreviated(text), text.getBytes(StandardCharsets.UTF_8)));
        }
        bodies.add(Map.entry("3000 objects deep", ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("5000 arrays deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
        bodies.add(Map.entry("not UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        bodies.add(Map.entry("1.2 MB", ("{\"a\":\"" + "z".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        List<String> names = new ArrayList<>(properties.keySet());
        for (String name : names) {
            String wrong = wrongValue(name, properties.get(name), random);
            String body = skeleton(properties, Map.of(name, wrong));
            bodies.add(Map.entry(name + " = " + abbreviated(wrong), body.getBytes(StandardCharsets.UTF_8)));
            bodies.add(Map.entry("array of the object", ("[" + body + "]").getBytes(StandardCharsets.UTF_8)));
            if (names.size() > 1) {
                // A huge value of the right type, refused still for another field of the wrong type.
                String other = names.get((names.indexOf(name) + 1) % names.size());
                bodies.add(Map.entry(name + " huge", skeleton(properties, Map.of(name, "\"" + "h".repeat(200_000) + "\"",
                        other, wrongValue(other, properties.get(other), random))).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return bodies;
    }

}
