package dev.helix.providers.outbound;

import dev.helix.providers.model.EmbeddingsUnavailableException;
import dev.helix.providers.port.EmbeddingProvider;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * An OpenAI-compatible embeddings endpoint ({@code POST <base>/embeddings} with {@code model}, {@code input} and
 * {@code dimensions}; answers {@code data[].embedding} by {@code index}). Every failure is an
 * {@link EmbeddingsUnavailableException} naming the endpoint, never the key.
 */
public final class OpenAiEmbeddings implements EmbeddingProvider {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String model;
    private final int dimensions;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param baseUrl    e.g. {@code https://api.openai.com/v1}
     * @param apiKey     sent as a bearer token; empty for endpoints without one
     */
    public OpenAiEmbeddings(String baseUrl, String model, int dimensions, String apiKey) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/embeddings");
        this.model = model;
        this.dimensions = dimensions;
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return "openai:" + model + "-" + dimensions + "@" + endpoint.getHost();
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        JsonArrayBuilder input = Json.createArrayBuilder();
        texts.forEach(input::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("model", model).add("input", input)
                .add("dimensions", dimensions).add("encoding_format", "float");
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
        if (!apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was interrupted");
        }
        if (response.statusCode() != 200) {
            throw unavailable("answered HTTP " + response.statusCode());
        }
        return vectors(response.body(), texts.size());
    }

    private List<float[]> vectors(String body, int expected) {
        try {
            JsonArray data = Json.createReader(new StringReader(body)).readObject().getJsonArray("data");
            float[][] vectors = new float[expected][];
            for (JsonObject item : data.getValuesAs(JsonObject.class)) {
                JsonArray embedding = item.getJsonArray("embedding");
                if (embedding.size() != dimensions) {
                    throw unavailable("returned " + embedding.size() + " dimensions, not the " + dimensions + " configured");
                }
                float[] vector = new float[dimensions];
                for (int d = 0; d < dimensions; d++) {
                    vector[d] = (float) embedding.getJsonNumber(d).doubleValue();
                }
                vectors[item.getInt("index")] = vector;
            }
            for (float[] vector : vectors) {
                if (vector == null) {
                    throw unavailable("returned fewer embeddings than texts");
                }
            }
            return List.of(vectors);
        } catch (JsonException | ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw unavailable("answered something that is not an embeddings response");
        }
    }

    private EmbeddingsUnavailableException unavailable(String what) {
        return new EmbeddingsUnavailableException("The embeddings endpoint " + endpoint + " " + what);
    }
}
