package dev.helix.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.shared.model.TokenCount;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

    @Test
    void anAnswersTokensAreTheProvidersCountOrAnEstimate() {
        assertEquals(TokenCount.counted(10, 5), AnswerText.tokens(bytes("{\"usage\":{\"prompt_tokens\":10,"
                + "\"completion_tokens\":5,\"total_tokens\":15}}"), () -> ""));
        assertEquals(TokenCount.counted(7, 0), AnswerText.tokens(bytes("{\"data\":[],\"usage\":{\"prompt_tokens\":7,"
                + "\"total_tokens\":7}}"), () -> ""), "embeddings count the prompt only");
        assertEquals(TokenCount.estimated(1, 2), AnswerText.tokens(bytes("{\"choices\":[{\"message\":{\"content\":\"abcdefgh\"}}]}"),
                () -> "abcd"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
