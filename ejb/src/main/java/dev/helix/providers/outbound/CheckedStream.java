package dev.helix.providers.outbound;

import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;

/**
 * Passes a stream's events on, and at its end tells a stream that ended properly from one that broke off: the
 * chat-completions protocol ends every stream with {@code data: [DONE]}, so a stream closed without it (a proxy or
 * gateway that dropped the connection cleanly) is an error, tried again like any, not a complete answer.
 */
final class CheckedStream implements ServerSentEventListener {

    private static final String DONE = "[DONE]";

    private final ServerSentEventListener listener;
    private boolean done;
    private boolean failed;

    CheckedStream(ServerSentEventListener listener) {
        this.listener = listener;
    }

    @Override
    public void onOpen(SuccessfulHttpResponse response) {
        listener.onOpen(response);
    }

    @Override
    public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
        done |= event.data() != null && DONE.equals(event.data().strip());
        listener.onEvent(event, context);
    }

    @Override
    public void onEvent(ServerSentEvent event) {
        done |= event.data() != null && DONE.equals(event.data().strip());
        listener.onEvent(event);
    }

    @Override
    public void onError(Throwable error) {
        failed = true;
        listener.onError(error);
    }

    /** Ends the stream: closed when it ended with its {@code [DONE]}, an error when it broke off before. */
    @Override
    public void onClose() {
        if (failed) {
            return;
        }
        if (done) {
            listener.onClose();
        } else {
            onError(new IOException("the stream ended before its [DONE]: the answer broke off"));
        }
    }
}
