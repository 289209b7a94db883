package dev.helix.spirals.outbound;

import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.spirals.service.StepPerformer;
import dev.helix.spirals.model.JsonValues;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.definition.StepAction;
import dev.helix.spirals.model.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes one attempt of an HTTP_CALL step (an outbound webhook): renders the address, headers and body, signs
 * the body with the spiral's secret when asked, and fails the attempt on a status of 400 or more. Holds no
 * transaction while it waits for the answer.
 */
@ApplicationScoped
public class HttpStep {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY = 100_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    SpiralCatalog catalog;

    /** Calls the endpoint; the answer ({@code status}, {@code body}) goes into the variable {@code saveAs} names. */
    public StepPerformer.Result call(SpiralRun run, int position, StepAction.HttpCall call, Map<String, Object> variables) {
        String body = call.body() == null ? "" : call.body().render(variables);
        String url = call.url().render(variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(call.method(), body.isEmpty() && call.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        call.headers().forEach((name, value) -> request.header(name, value.render(variables)));
        if (!body.isEmpty() && call.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        if (call.sign()) {
            request.header(WebhookSignature.HEADER, WebhookSignature.sign(catalog.secret(run.getSpiralId()), body.getBytes(StandardCharsets.UTF_8)));
        }
        Answer response = send(request.build(), call.method() + " " + url);
        if (response.status() >= 400) {
            throw new IllegalStateException(call.method() + " " + url + " answered " + response.status());
        }
        Map<String, Object> after = new LinkedHashMap<>(variables);
        if (call.saveAs() != null) {
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("status", response.status());
            saved.put("body", parsed(response.body()));
            after.put(call.saveAs(), saved);
        }
        return new StepPerformer.Result(after, position + 1, response.status() + " from " + call.method() + " " + url);
    }

    /** Sends the request and reads at most {@value #MAX_BODY} characters of the answer, however long it is. */
    private static Answer send(HttpRequest request, String what) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (Reader body = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
                char[] text = new char[MAX_BODY];
                int read = 0;
                int n;
                while (read < MAX_BODY && (n = body.read(text, read, MAX_BODY - read)) >= 0) {
                    read += n;
                }
                return new Answer(response.statusCode(), new String(text, 0, read));
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static Object parsed(String body) {
        try {
            return JsonValues.toPlain(Json.createReader(new StringReader(body)).readValue());
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    /** An answer: its status and the start of its body. */
    private record Answer(int status, String body) {
    }
}
