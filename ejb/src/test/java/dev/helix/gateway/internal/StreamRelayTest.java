package dev.helix.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.shared.model.TokenCount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRelayTest {

    private static final String CONTENT = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello there\"}}]}\n\n";
    private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
            + "\"total_tokens\":15}}\n\n";
    private static final String DONE = "data: [DONE]\n\n";

    @Test
    void eventsArePassedOnAsTheyAreAndTheUsageChunkIsDroppedWhenTheClientDidNotAskForIt() throws IOException {
        StreamRelay relay = relay(CONTENT + USAGE + DONE, false);
        assertEquals(List.of(CONTENT, "", DONE), events(relay));
        assertTrue(relay.done());
        assertEquals(TokenCount.counted(12, 3), relay.tokens(() -> "unused"));
    }

    @Test
    void theUsageChunkIsPassedOnWhenAskedFor() throws IOException {
        assertEquals(List.of(CONTENT, USAGE, DONE), events(relay(CONTENT + USAGE + DONE, true)));
    }

    @Test
    void withoutUsageTheTokensAreEstimatedFromThePromptAndWhatWasWritten() throws IOException {
        StreamRelay relay = relay(CONTENT + DONE, false);
        events(relay);
        assertEquals(TokenCount.estimated(2, 3), relay.tokens(() -> "12345678"));
    }

    @Test
    void aStreamWithoutDoneIsNotDoneAndAChunkThatIsNotJsonBreaksIt() throws IOException {
        StreamRelay cut = relay(CONTENT, false);
        events(cut);
        assertFalse(cut.done());
        StreamRelay malformed = relay(CONTENT + "data: {not json\n\n", false);
        assertEquals(CONTENT, malformed.next());
        assertThrows(StreamRelay.BrokenStream.class, malformed::next);
    }

    @Test
    void commentsAndBlankLinesBetweenEventsPassOrAreSkipped() throws IOException {
        StreamRelay relay = relay("\n\n: keep-alive\n\n" + CONTENT + DONE, false);
        assertEquals(List.of(": keep-alive\n\n", CONTENT, DONE), events(relay));
        assertNull(relay.next());
    }

    @Test
    void linesEndedByCrLfAreReadAndALineLongerThanAnEventBreaksTheStreamBeforeItIsReadWhole() throws IOException {
        assertEquals(List.of(CONTENT, DONE), events(relay(CONTENT.replace("\n", "\r\n") + DONE, false)));
        StreamRelay endless = relay("data: " + "x".repeat(5 * 1024 * 1024), false);
        assertThrows(StreamRelay.BrokenStream.class, endless::next);
    }

    private static StreamRelay relay(String stream, boolean passUsage) {
        return new StreamRelay(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), passUsage);
    }

    private static List<String> events(StreamRelay relay) throws IOException {
        List<String> events = new ArrayList<>();
        for (String event = relay.next(); event != null; event = relay.next()) {
            events.add(event);
        }
        return events;
    }
}
