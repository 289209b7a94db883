package dev.helix.providers.outbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.helix.providers.model.EmbeddingsUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingsTest {

    private static final String KEY = "sk-test-5ecr3t-K3y";

    /** What the fake endpoint received. */
    private record Received(String method, String path, String contentType, String authorization, JsonObject body) {
    }

    /** What the fake endpoint answers. */
    private record Answer(int status, String body) {
    }

    private HttpServer server;
    private String base;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<JsonObject, Answer> answer = OpenAiEmbeddingsTest::embeddingsInOrder;

    @BeforeEach
    void startTheFakeEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @AfterEach
    void stopTheFakeEndpoint() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject body;
            try {
                body = Json.createReader(new StringReader(text)).readObject();
            } catch (RuntimeException e) {
                body = null;
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            Answer reply = answer.apply(body);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The embedding the fake endpoint gives the text at {@code index}: {@code [index + 1, index + 1.5, ...]}. */
    private static float[] expected(int index, int dimensions) {
        float[] vector = new float[dimensions];
        for (int d = 0; d < dimensions; d++) {
            vector[d] = index + 1 + d * 0.5f;
        }
        return vector;
    }

    private static JsonObject item(int index, int dimensions) {
        JsonArrayBuilder embedding = Json.createArrayBuilder();
        for (float v : expected(index, dimensions)) {
            embedding.add(v);
        }
        return Json.createObjectBuilder().add("object", "embedding").add("index", index).add("embedding", embedding)
                .build();
    }

    private static Answer data(List<JsonObject> items) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        items.forEach(data::add);
        return new Answer(200, Json.createObjectBuilder().add("object", "list").add("data", data)
                .add("model", "text-embedding-3-small").build().toString());
    }

    private static Answer embeddingsInOrder(JsonObject request) {
        int dimensions = request.getInt("dimensions");
        List<JsonObject> items = new ArrayList<>();
        for (int i = 0; i < request.getJsonArray("input").size(); i++) {
            items.add(item(i, dimensions));
        }
        return data(items);
    }

    private static Answer embeddingsInReverse(JsonObject request) {
        int dimensions = request.getInt("dimensions");
        List<JsonObject> items = new ArrayList<>();
        for (int i = request.getJsonArray("input").size() - 1; i >= 0; i--) {
            items.add(item(i, dimensions));
        }
        return data(items);
    }

    @Test
    void postsTheModelTheTextsAndTheDimensionsWithTheKeyAsBearerToken() {
        OpenAiEmbeddings embeddings = new OpenAiEmbeddings(base, "text-embedding-3-small", 4, KEY);

        List<float[]> vectors = embeddings.embed(List.of("deploy failed", "tests passed"));

        assertEquals(1, received.size());
        Received request = received.get(0);
        assertEquals("POST", request.method());
        assertEquals("/v1/embeddings", request.path());
        assertTrue(request.contentType().startsWith("application/json"), request.contentType());
        assertEquals("Bearer " + KEY, request.authorization());
        assertEquals("text-embedding-3-small", request.body().getString("model"));
        assertEquals(List.of("deploy failed", "tests passed"),
                request.body().getJsonArray("input").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString).toList());
        assertEquals(4, request.body().getInt("dimensions"));

        assertEquals(2, vectors.size());
        assertArrayEquals(expected(0, 4), vectors.get(0));
        assertArrayEquals(expected(1, 4), vectors.get(1));
        assertEquals(4, embeddings.dimensions());
    }

    @Test
    void sendsNoAuthorizationWhenTheKeyIsEmpty() {
        OpenAiEmbeddings embeddings = new OpenAiEmbeddings(base, "nomic-embed-text", 3, "");

        List<float[]> vectors = embeddings.embed(List.of("only text"));

        assertEquals(1, received.size());
        assertNull(received.get(0).authorization());
        assertArrayEquals(expected(0, 3), vectors.get(0));
    }

    @Test
    void aTrailingSlashOnTheBaseUrlStillReachesTheEmbeddingsPath() {
        new OpenAiEmbeddings(base + "/", "m", 2, "").embed(List.of("text"));

        assertEquals("/v1/embeddings", received.get(0).path());
    }

    @Test
    void vectorsComeBackInTheOrderOfTheTextsEvenWhenAnsweredOutOfOrder() {
        answer = OpenAiEmbeddingsTest::embeddingsInReverse;
        OpenAiEmbeddings embeddings = new OpenAiEmbeddings(base, "m", 5, KEY);

        List<float[]> vectors = embeddings.embed(List.of("first", "second", "third"));

        assertEquals(3, vectors.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected(i, 5), vectors.get(i), "text " + i);
        }
    }

    @Test
    void aServerErrorMakesEmbeddingsUnavailableWithoutRevealingTheKey() {
        answer = request -> new Answer(500, "{\"error\":{\"message\":\"internal\"}}");

        EmbeddingsUnavailableException e = failure(new OpenAiEmbeddings(base, "m", 4, KEY));

        assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
    }

    @Test
    void aRefusedKeyMakesEmbeddingsUnavailableWithoutRevealingTheKey() {
        answer = request -> new Answer(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");

        EmbeddingsUnavailableException e = failure(new OpenAiEmbeddings(base, "m", 4, KEY));

        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
    }

    @Test
    void anAnswerThatIsNotJsonMakesEmbeddingsUnavailable() {
        answer = request -> new Answer(200, "<html><body>Bad gateway</body></html>");

        failure(new OpenAiEmbeddings(base, "m", 4, KEY));
    }

    @Test
    void jsonThatIsNotAnEmbeddingsResponseMakesEmbeddingsUnavailable() {
        for (String body : List.of("{}", "[]", "{\"data\":[{\"index\":0}]}",
                "{\"data\":[{\"index\":0,\"embedding\":[\"a\",\"b\",\"c\",\"d\"]}]}")) {
            answer = request -> new Answer(200, body);

            failure(new OpenAiEmbeddings(base, "m", 4, KEY));
        }
    }

    @Test
    void anAnswerWithTheWrongNumberOfDimensionsMakesEmbeddingsUnavailable() {
        answer = request -> data(List.of(item(0, 3)));

        EmbeddingsUnavailableException e = failure(new OpenAiEmbeddings(base, "m", 4, KEY));

        assertTrue(e.getMessage().contains("3 dimensions"), e.getMessage());
        assertTrue(e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void fewerEmbeddingsThanTextsMakeEmbeddingsUnavailable() {
        answer = request -> data(List.of(item(0, 4)));
        OpenAiEmbeddings embeddings = new OpenAiEmbeddings(base, "m", 4, KEY);

        EmbeddingsUnavailableException e = assertThrows(EmbeddingsUnavailableException.class,
                () -> embeddings.embed(List.of("one", "two")));

        assertUnavailable(e);
        assertTrue(e.getMessage().contains("fewer embeddings"), e.getMessage());
    }

    @Test
    void anEmbeddingForATextThatWasNotSentMakesEmbeddingsUnavailable() {
        answer = request -> data(List.of(item(0, 4), item(1, 4)));

        failure(new OpenAiEmbeddings(base, "m", 4, KEY));
    }

    @Test
    void anUnreachableEndpointMakesEmbeddingsUnavailableWithoutRevealingTheKey() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + closedPort + "/v1";

        EmbeddingsUnavailableException e = failure(new OpenAiEmbeddings(base, "m", 4, KEY));

        assertTrue(e.getMessage().contains("could not be reached (ConnectException"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
    }

    /** Embeds one text, expecting it to fail as unavailable, and checks what the failure says. */
    private EmbeddingsUnavailableException failure(OpenAiEmbeddings embeddings) {
        EmbeddingsUnavailableException e = assertThrows(EmbeddingsUnavailableException.class,
                () -> embeddings.embed(List.of("deploy failed")));
        assertUnavailable(e);
        return e;
    }

    private void assertUnavailable(EmbeddingsUnavailableException e) {
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains(base + "/embeddings"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertFalse(e.getMessage().contains("5ecr3t"), e.getMessage());
    }
}
