package dev.helix.providers.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StreamedChatTest {

    private static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("hi")).build();

    /** A stream that answers on another thread, as the HTTP client does. */
    private static StreamingChatModel streaming(java.util.function.Consumer<StreamingChatResponseHandler> script) {
        return new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                new Thread(() -> script.accept(handler)).start();
            }
        };
    }

    private static void part(StreamingChatResponseHandler handler, String text, StreamingHandle handle) {
        handler.onPartialResponse(new PartialResponse(text), new PartialResponseContext(handle));
    }

    /** A handle that only notes being cancelled. */
    private static final class NotedHandle implements StreamingHandle {
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Test
    void theTextArrivesOnTheCallersThreadAsItIsWrittenAndTheWholeAnswerAtTheEnd() {
        Thread caller = Thread.currentThread();
        List<String> produced = new ArrayList<>();
        ChatResponse response = StreamedChat.call(streaming(handler -> {
            part(handler, "Hello, ", new NotedHandle());
            part(handler, "world", new NotedHandle());
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Hello, world")).build());
        }), REQUEST, Duration.ofSeconds(5), fragment -> {
            assertEquals(caller, Thread.currentThread());
            produced.add(fragment);
        });
        assertEquals(List.of("Hello, ", "world"), produced);
        assertEquals("Hello, world", response.aiMessage().text());
    }

    @Test
    void aStreamThatBreaksOffFailsWithTheReasonAGuardRetries() {
        UncheckedIOException broken = assertThrows(UncheckedIOException.class, () -> StreamedChat.call(streaming(handler -> {
            part(handler, "Hel", new NotedHandle());
            handler.onError(new IOException("EOF reached while reading"));
        }), REQUEST, Duration.ofSeconds(5), fragment -> { }));
        assertTrue(ProviderGuard.passing(broken), "a broken stream is a passing failure");
    }

    @Test
    void aStreamPastItsDeadlineIsCancelledAndTimesOut() {
        NotedHandle handle = new NotedHandle();
        assertThrows(TimeoutException.class, () -> StreamedChat.call(streaming(handler -> part(handler, "slow", handle)),
                REQUEST, Duration.ofMillis(300), fragment -> { }));
        assertTrue(handle.cancelled.get(), "the stream was cancelled");
    }
}
