package dev.helix.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.model.RelayEndpoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewayCallTest {

    private static final GatewayCaller CALLER = new GatewayCaller("dev", 1L, "hx_abc", null);

    @Test
    void theBodyIsPassedOnWholeWithOnlyTheModelChanged() {
        GatewayCall call = chat("{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"temperature\":0.7,\"x_vendor\":{\"keep\":true}}");
        assertEquals("{\"model\":\"m1\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"temperature\":0.7,"
                + "\"x_vendor\":{\"keep\":true}}", call.bodyFor("m1"));
        assertTrue(call.cacheable());
    }

    @Test
    void aStreamAlwaysAsksForUsageAndIsNeverCached() {
        GatewayCall call = chat("{\"model\":\"fast\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertTrue(call.bodyFor("m1").contains("\"stream_options\":{\"include_usage\":true}"));
        assertFalse(call.wantsStreamUsage());
        assertFalse(call.cacheable());
    }

    @Test
    void identicalRequestsHaveOneCanonicalBodyWhateverTheirKeysOrder() {
        assertEquals(chat("{\"model\":\"fast\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").canonicalBody(),
                chat("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],\"model\":\"fast\"}").canonicalBody());
    }

    @Test
    void whatAnEndpointCannotTakeIsRefusedNamingTheField() {
        assertEquals("model", refused(RelayEndpoint.CHAT_COMPLETIONS, "{\"messages\":[]}").param());
        assertEquals("messages", refused(RelayEndpoint.CHAT_COMPLETIONS, "{\"model\":\"fast\",\"messages\":[]}").param());
        assertEquals("messages", refused(RelayEndpoint.CHAT_COMPLETIONS, "{\"model\":\"fast\",\"messages\":[\"hi\"]}").param());
        assertEquals("n", refused(RelayEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"fast\",\"n\":0,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").param());
        assertEquals("input", refused(RelayEndpoint.EMBEDDINGS, "{\"model\":\"fast\",\"input\":[]}").param());
        assertEquals("stream", refused(RelayEndpoint.EMBEDDINGS, "{\"model\":\"fast\",\"input\":\"a\",\"stream\":true}").param());
        assertEquals("n", refused(RelayEndpoint.CHAT_COMPLETIONS,
                "{\"model\":\"fast\",\"n\":4294967297,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").param());
        assertEquals("model", refused(RelayEndpoint.CHAT_COMPLETIONS, "{\"model\":\"" + "m".repeat(257)
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").param());
        GatewayRefusal notJson = refused(RelayEndpoint.EMBEDDINGS, "{model");
        assertEquals(400, notJson.status());
        assertEquals("invalid_request_error", notJson.type());
    }

    @Test
    void thePromptTextIsTheMessagesContentsOrTheInputs() {
        assertEquals("Be brief\nHi\n", chat("{\"model\":\"fast\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}").promptText());
        assertEquals("a\nb\n", GatewayCall.read(RelayEndpoint.EMBEDDINGS, bytes("{\"model\":\"e\",\"input\":[\"a\",\"b\"]}"),
                CALLER, false).promptText());
    }

    private static GatewayCall chat(String body) {
        return GatewayCall.read(RelayEndpoint.CHAT_COMPLETIONS, bytes(body), CALLER, false);
    }

    private static GatewayRefusal refused(RelayEndpoint endpoint, String body) {
        return assertThrows(GatewayRefusal.class, () -> GatewayCall.read(endpoint, bytes(body), CALLER, false));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
