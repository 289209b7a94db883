package dev.helix.providers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.model.RelayAnswer;
import dev.helix.providers.model.RelayEndpoint;
import dev.helix.providers.model.RelayRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OfflineRelayTest {

    private final OfflineRelay relay = new OfflineRelay();

    @Test
    void aChatIsAnsweredQuotingTheLastMessageWithUsageAndNChoices() throws IOException {
        JsonObject answer = json(chat("{\"model\":\"helix-offline-1\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}",
                false));
        assertEquals(2, answer.getJsonArray("choices").size());
        String content = answer.getJsonArray("choices").getJsonObject(1).getJsonObject("message").getString("content");
        assertTrue(content.contains("You wrote: \"Hello\""), content);
        assertTrue(answer.getJsonObject("usage").getInt("total_tokens") > 0);
    }

    @Test
    void stopSequencesAndMaxTokensCutTheAnswer() throws IOException {
        JsonObject stopped = json(chat("{\"model\":\"m\",\"stop\":[\"offline\"],\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                false));
        assertEquals("This is helix-", stopped.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
        JsonObject cut = json(chat("{\"model\":\"m\",\"max_tokens\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", false));
        assertEquals("length", cut.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
        assertEquals("This is ", cut.getJsonArray("choices").getJsonObject(0).getJsonObject("message").getString("content"));
    }

    @Test
    void offeredToolsAreCalledUntilAToolResultComesBack() throws IOException {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}}]";
        JsonObject call = json(chat("{\"model\":\"m\"," + tools + ",\"messages\":[{\"role\":\"user\",\"content\":\"Find it\"}]}", false));
        JsonObject choice = call.getJsonArray("choices").getJsonObject(0);
        assertEquals("tool_calls", choice.getString("finish_reason"));
        assertEquals("lookup", choice.getJsonObject("message").getJsonArray("tool_calls").getJsonObject(0)
                .getJsonObject("function").getString("name"));
        JsonObject after = json(chat("{\"model\":\"m\"," + tools + ",\"messages\":[{\"role\":\"user\",\"content\":\"Find it\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_offline_0\",\"content\":\"found\"}]}", false));
        assertEquals("stop", after.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
    }

    @Test
    void structuredOutputHasTheSchemasProperties() throws IOException {
        JsonObject answer = json(chat("{\"model\":\"m\",\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\","
                + "\"schema\":{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"},\"count\":{\"type\":\"integer\"}}}}},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Name it\"}]}", false));
        JsonObject content = Json.createReader(new StringReader(answer.getJsonArray("choices").getJsonObject(0)
                .getJsonObject("message").getString("content"))).readObject();
        assertEquals("Name it", content.getString("title"));
        assertEquals(0, content.getInt("count"));
    }

    @Test
    void aStreamComesWordByWordWithUsageWhenAskedAndEndsWithDone() throws IOException {
        String stream = chat("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", true);
        assertTrue(stream.startsWith("data: {"));
        assertTrue(stream.contains("\"usage\":{\"prompt_tokens\":1,"), stream);
        assertTrue(stream.endsWith("data: [DONE]\n\n"));
    }

    @Test
    void embeddingsAreTheOfflineEmbeddersAsFloatsOrBase64() throws IOException {
        JsonObject floats = json(embed("{\"model\":\"m\",\"input\":[\"alpha\",\"beta\"]}"));
        assertEquals(2, floats.getJsonArray("data").size());
        assertEquals(384, floats.getJsonArray("data").getJsonObject(0).getJsonArray("embedding").size());
        JsonObject base64 = json(embed("{\"model\":\"m\",\"input\":\"alpha\",\"encoding_format\":\"base64\"}"));
        assertEquals(384 * 4 * 4 / 3, base64.getJsonArray("data").getJsonObject(0).getString("embedding").length());
    }

    @Test
    void whatTheOfflineModelCannotTakeIsA400InOpenAisShape() throws IOException {
        try (RelayAnswer answer = relay.send(new RelayRequest("offline", RelayEndpoint.EMBEDDINGS,
                "{\"model\":\"m\",\"input\":[[1,2]]}", false, Duration.ofSeconds(1)))) {
            assertEquals(400, answer.status());
            assertEquals("input", json(new String(answer.body().readAllBytes(), StandardCharsets.UTF_8)).getJsonObject("error")
                    .getString("param"));
        }
    }

    private String chat(String body, boolean stream) throws IOException {
        return send(RelayEndpoint.CHAT_COMPLETIONS, body, stream);
    }

    private String embed(String body) throws IOException {
        return send(RelayEndpoint.EMBEDDINGS, body, false);
    }

    private String send(RelayEndpoint endpoint, String body, boolean stream) throws IOException {
        try (RelayAnswer answer = relay.send(new RelayRequest("offline", endpoint, body, stream, Duration.ofSeconds(1)))) {
            assertEquals(200, answer.status());
            return new String(answer.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
