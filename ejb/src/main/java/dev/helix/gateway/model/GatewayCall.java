package dev.helix.gateway.model;

import dev.helix.providers.model.RelayEndpoint;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.util.TreeMap;

/**
 * One request to the gateway, read and checked: the endpoint, the model (alias) asked for, whether the answer is
 * streamed, and the body as the client sent it, which is passed on whole (fields Helix does not know included) with
 * only the model changed to the deployment's.
 */
public final class GatewayCall {

    /** Looked up once: finding the provider on each call costs more than the parsing. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final int MOST_CHOICES = 128;
    private static final int MOST_MODEL_CHARS = 256;

    private final RelayEndpoint endpoint;
    private final JsonObject body;
    private final String model;
    private final boolean stream;
    private final GatewayCaller caller;
    private final boolean noCache;

    private GatewayCall(RelayEndpoint endpoint, JsonObject body, GatewayCaller caller, boolean noCache) {
        this.endpoint = endpoint;
        this.body = body;
        this.model = body.getString("model");
        this.stream = body.getBoolean("stream", false);
        this.caller = caller;
        this.noCache = noCache;
    }

    /**
     * Reads a request body for an endpoint; what the endpoint cannot take is a {@link GatewayRefusal} naming the
     * field. {@code noCache}: the client asked for a fresh answer ({@code Cache-Control: no-cache}).
     */
    public static GatewayCall read(RelayEndpoint endpoint, byte[] bytes, GatewayCaller caller, boolean noCache) {
        JsonObject body;
        try {
            body = JSON.createReader(new ByteArrayInputStream(bytes)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw GatewayRefusal.invalid("The body of the request is not a JSON object: " + e.getMessage(), null);
        }
        if (!(body.get("model") instanceof JsonString model) || model.getString().isBlank()) {
            throw GatewayRefusal.invalid("you must provide a model parameter (a string); GET /v1/models lists them", "model");
        }
        if (model.getString().length() > MOST_MODEL_CHARS) {
            throw GatewayRefusal.invalid("model must have at most " + MOST_MODEL_CHARS + " characters", "model");
        }
        if (body.containsKey("stream") && !(body.get("stream") == JsonValue.TRUE || body.get("stream") == JsonValue.FALSE)) {
            throw GatewayRefusal.invalid("stream must be true or false", "stream");
        }
        if (endpoint == RelayEndpoint.CHAT_COMPLETIONS) {
            checkChat(body);
        } else {
            checkEmbeddings(body);
        }
        return new GatewayCall(endpoint, body, caller, noCache);
    }

    private static void checkChat(JsonObject body) {
        if (!(body.get("messages") instanceof JsonArray messages) || messages.isEmpty()) {
            throw GatewayRefusal.invalid("messages must be a non-empty array of messages", "messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (!(messages.get(i) instanceof JsonObject message) || !(message.get("role") instanceof JsonString)) {
                throw GatewayRefusal.invalid("messages[" + i + "] must be an object with a role", "messages");
            }
        }
        if (body.containsKey("n") && !(body.get("n") instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 1
                && n.longValue() <= MOST_CHOICES)) {
            throw GatewayRefusal.invalid("n must be an integer from 1 to " + MOST_CHOICES, "n");
        }
        if (body.containsKey("stream_options") && !(body.get("stream_options") instanceof JsonObject)) {
            throw GatewayRefusal.invalid("stream_options must be an object", "stream_options");
        }
    }

    private static void checkEmbeddings(JsonObject body) {
        if (body.get("stream") == JsonValue.TRUE) {
            throw GatewayRefusal.invalid("embeddings are not streamed: leave stream out or false", "stream");
        }
        JsonValue input = body.get("input");
        boolean text = input instanceof JsonString;
        boolean list = input instanceof JsonArray array && !array.isEmpty();
        if (!text && !list) {
            throw GatewayRefusal.invalid("input must be a string or a non-empty array", "input");
        }
    }

    public RelayEndpoint endpoint() {
        return endpoint;
    }

    /** The model asked for: an alias of the gateway. */
    public String model() {
        return model;
    }

    public boolean stream() {
        return stream;
    }

    public GatewayCaller caller() {
        return caller;
    }

    /** Whether an answer may come from the cache or go into it: never a stream, never when the client said no-cache. */
    public boolean cacheable() {
        return !stream && !noCache;
    }

    /** Whether the client asked for the usage chunk at the end of a stream. */
    public boolean wantsStreamUsage() {
        return body.get("stream_options") instanceof JsonObject options && options.getBoolean("include_usage", false);
    }

    /**
     * The body for a deployment: the client's, with the deployment's model; a stream always asks for the usage chunk,
     * so the tokens are counted by the provider (the gateway drops that chunk where the client did not ask for it).
     */
    public String bodyFor(String deploymentModel) {
        JsonObjectBuilder upstream = JSON.createObjectBuilder(body).add("model", deploymentModel);
        if (stream) {
            JsonObject options = body.get("stream_options") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            upstream.add("stream_options", JSON.createObjectBuilder(options).add("include_usage", true));
        }
        return upstream.build().toString();
    }

    /** The body with its keys in order at every level: identical requests have identical keys, whatever their order. */
    public String canonicalBody() {
        return canonical(body).toString();
    }

    private static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder sorted = JSON.createObjectBuilder();
            new TreeMap<>(object).forEach((key, inner) -> sorted.add(key, canonical(inner)));
            return sorted.build();
        }
        if (value instanceof JsonArray array) {
            var items = JSON.createArrayBuilder();
            array.forEach(item -> items.add(canonical(item)));
            return items.build();
        }
        return value;
    }

    /** The text the prompt is made of (messages' contents, or the inputs), to estimate its tokens. */
    public String promptText() {
        StringBuilder text = new StringBuilder();
        if (body.get("messages") instanceof JsonArray messages) {
            messages.forEach(m -> appendText(text, ((JsonObject) m).get("content")));
        } else {
            appendText(text, body.get("input"));
        }
        return text.toString();
    }

    private static void appendText(StringBuilder text, JsonValue value) {
        if (value instanceof JsonString s) {
            text.append(s.getString()).append('\n');
        } else if (value instanceof JsonArray array) {
            array.forEach(item -> appendText(text, item));
        } else if (value instanceof JsonObject part) {
            appendText(text, part.get("text"));
        }
    }
}
