package dev.helix.providers.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderTransportTest {

    private HttpServer server;

    /** How a stream ended for its listener: the events' data, and the error or {@code null} for a proper close. */
    private record Ending(List<String> data, Throwable error) {
    }

    @BeforeEach
    void aProviderThatStreams() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/done", exchange -> stream(exchange, "data: {\"a\":1}\n\ndata: [DONE]\n\n", 1));
        server.createContext("/cut", exchange -> stream(exchange, "data: {\"a\":1}\n\n", 1));
        server.createContext("/endless", exchange -> stream(exchange, "data: " + "x".repeat(1 << 20) + "\n\n", 20));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), ProviderTransport.retryAfter(" 7 "));
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        Duration wait = ProviderTransport.retryAfter(inTwoMinutes).orElseThrow();
        assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0 && wait.compareTo(Duration.ofSeconds(121)) <= 0, wait.toString());
        assertEquals(Optional.of(Duration.ZERO), ProviderTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), ProviderTransport.retryAfter("soon"));
        assertEquals(Optional.empty(), ProviderTransport.retryAfter("-3"));
    }

    @Test
    void aStreamEndingWithItsDoneCloses() throws Exception {
        Ending ending = streamed("/done");
        assertEquals(null, ending.error());
        assertEquals(List.of("{\"a\":1}", "[DONE]"), ending.data());
    }

    @Test
    void aStreamClosedBeforeItsDoneIsABrokenAnswer() throws Exception {
        Ending ending = streamed("/cut");
        assertTrue(ending.error() instanceof IOException, String.valueOf(ending.error()));
        assertEquals("the stream ended before its [DONE]: the answer broke off", ending.error().getMessage());
        assertTrue(ProviderGuard.passing(ending.error()), "tried again like any broken answer");
    }

    @Test
    void aStreamPastTheAnswerLimitIsBrokenOff() throws Exception {
        Ending ending = streamed("/endless");
        assertTrue(ending.error() instanceof IOException, String.valueOf(ending.error()));
        assertEquals("the answer is larger than " + ProviderTransport.MAX_ANSWER_BYTES + " bytes", ending.error().getMessage());
    }

    private Ending streamed(String path) throws Exception {
        List<String> data = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        new ProviderTransport(Duration.ofSeconds(5), Duration.ofSeconds(30)).execute(HttpRequest.builder().method(HttpMethod.GET)
                .url("http://127.0.0.1:" + server.getAddress().getPort() + path).build(), new DefaultServerSentEventParser(),
                new ServerSentEventListener() {
                    @Override
                    public void onEvent(ServerSentEvent event) {
                        data.add(event.data());
                    }

                    @Override
                    public void onError(Throwable error) {
                        ended.complete(error);
                    }

                    @Override
                    public void onClose() {
                        ended.complete(null);
                    }
                });
        return new Ending(data, ended.get(30, TimeUnit.SECONDS));
    }

    private static void stream(com.sun.net.httpserver.HttpExchange exchange, String event, int times) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < times; i++) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the client stopped reading
        }
    }
}
