package dev.helix.gateway.internal;

import dev.helix.shared.model.TokenCount;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads a provider's stream of server-sent events one whole event at a time, to be passed on as it is: each
 * {@code data:} chunk must be JSON (or the closing {@code [DONE]}), or the stream is broken. On the way it keeps
 * the usage chunk's token counts and the text the model wrote (to estimate the tokens where no usage comes), and
 * drops the usage chunk when the client did not ask for it.
 */
public final class StreamRelay {

    /** Looked up once: finding the provider on each call costs more than the parsing. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** A stream that cannot be passed on: a chunk that is not JSON, or one too long to be an event. */
    public static final class BrokenStream extends IOException {
        BrokenStream(String message) {
            super(message);
        }
    }

    private static final int MAX_EVENT_CHARS = 4 * 1024 * 1024;

    private final InputStream upstream;
    private final boolean passUsage;
    private final StringBuilder written = new StringBuilder();
    private TokenCount usage;
    private boolean done;

    public StreamRelay(InputStream upstream, boolean passUsage) {
        this.upstream = new BufferedInputStream(upstream);
        this.passUsage = passUsage;
    }

    /**
     * The next event to pass on, with its closing blank line; an empty string for an event to drop; {@code null} at
     * the end of the stream.
     */
    public String next() throws IOException {
        StringBuilder event = new StringBuilder();
        boolean drop = false;
        for (String line = readLine(); line != null; line = readLine()) {
            if (line.isEmpty()) {
                if (event.isEmpty()) {
                    continue; // blank lines between events
                }
                return drop ? "" : event.append('\n').toString();
            }
            if (event.length() + line.length() > MAX_EVENT_CHARS) {
                throw new BrokenStream("an event is longer than " + MAX_EVENT_CHARS + " characters");
            }
            if (line.startsWith("data:")) {
                drop |= data(line.substring(5).strip());
            }
            event.append(line).append('\n');
        }
        if (!event.isEmpty()) {
            return drop ? "" : event.append('\n').toString();
        }
        return null;
    }

    /**
     * The next line without its end ({@code \n}, {@code \r\n}), or {@code null} at the end of the stream; a line longer
     * than an event may be breaks the stream before it is read whole.
     */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = upstream.read(); b != -1; b = upstream.read()) {
            if (b == '\n') {
                return text(line);
            }
            if (line.size() >= MAX_EVENT_CHARS) {
                throw new BrokenStream("a line is longer than " + MAX_EVENT_CHARS + " bytes");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : text(line);
    }

    private static String text(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Reads one chunk; whether it is the usage chunk the client did not ask for. */
    private boolean data(String data) throws BrokenStream {
        if (data.equals("[DONE]")) {
            done = true;
            return false;
        }
        JsonObject chunk;
        try {
            chunk = JSON.createReader(new StringReader(data)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BrokenStream("a chunk is not JSON: " + e.getMessage());
        }
        if (chunk.get("choices") instanceof JsonArray choices) {
            choices.stream().filter(c -> c instanceof JsonObject).map(c -> ((JsonObject) c).get("delta"))
                    .filter(d -> d instanceof JsonObject).forEach(d -> AnswerText.append(written, (JsonObject) d));
        }
        if (chunk.get("usage") instanceof JsonObject counted) {
            usage = AnswerText.usage(counted);
            return !passUsage && (!(chunk.get("choices") instanceof JsonArray choices) || choices.isEmpty());
        }
        return false;
    }

    /** Whether the stream ended with {@code [DONE]}. */
    public boolean done() {
        return done;
    }

    /** The tokens as the provider counted them, or estimated from the prompt and what was written. */
    public TokenCount tokens(Supplier<String> prompt) {
        return usage != null ? usage : TokenCount.estimated(TokenCount.estimateOf(prompt.get()), TokenCount.estimateOf(written));
    }

    /** A chunk that tells the client the stream broke off, in OpenAI's error shape. */
    public static String errorEvent(String message) {
        return "data: " + JSON.createObjectBuilder().add("error", JSON.createObjectBuilder().add("message", message)
                .add("type", "api_error").addNull("param").add("code", "stream_broken")).build() + "\n\n";
    }
}
