package dev.helix.providers.outbound;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One streamed chat call, waited for on the calling thread: the model's text (and each tool call it completes) is
 * handed to {@code produced} on this thread as it arrives, the whole answer is returned at the end, and a failure is
 * thrown. A call past its deadline, or whose caller is interrupted (a cancelled task), is cancelled.
 */
final class StreamedChat {

    /** How a failure reported by the stream reaches the waiting thread. */
    private record Failure(Throwable cause) {
    }

    private StreamedChat() {
    }

    static ChatResponse call(StreamingChatModel model, ChatRequest request, Duration timeout, Consumer<String> produced) {
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        AtomicReference<StreamingHandle> handle = new AtomicReference<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        model.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle.set(context.streamingHandle());
                arrivals.add(partial.text());
            }

            @Override
            public void onPartialToolCall(PartialToolCall call, PartialToolCallContext context) {
                handle.set(context.streamingHandle()); // an answer of tool calls only can be cancelled too
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall call) {
                arrivals.add("\n→ " + call.toolExecutionRequest().name() + " " + call.toolExecutionRequest().arguments() + "\n");
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                arrivals.add(response);
            }

            @Override
            public void onError(Throwable error) {
                arrivals.add(new Failure(error));
            }
        });
        try {
            while (true) {
                Object next = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    cancel(handle.get());
                    throw new TimeoutException(new HttpTimeoutException("the answer did not arrive within " + timeout));
                }
                if (next instanceof String fragment) {
                    produced.accept(fragment);
                } else if (next instanceof ChatResponse response) {
                    return response;
                } else {
                    throw unchecked(((Failure) next).cause());
                }
            }
        } catch (InterruptedException e) {
            cancel(handle.get());
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the call was interrupted", e);
        }
    }

    private static void cancel(StreamingHandle handle) {
        if (handle != null) {
            handle.cancel();
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException(failure.getMessage(), failure);
    }
}
