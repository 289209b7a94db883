package dev.helix.spirals.service;

import dev.helix.spirals.model.JsonValues;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.StepAction;
import dev.helix.spirals.model.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.IOException;
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
        HttpResponse<String> response = send(request.build(), call.method() + " " + url);
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(call.method() + " " + url + " answered " + response.statusCode());
        }
        Map<String, Object> after = new LinkedHashMap<>(variables);
        if (call.saveAs() != null) {
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("status", response.statusCode());
            saved.put("body", parsed(response.body()));
            after.put(call.saveAs(), saved);
        }
        return new StepPerformer.Result(after, position + 1, response.statusCode() + " from " + call.method() + " " + url);
    }

    private static HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static Object parsed(String body) {
        String text = body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY);
        try {
            return JsonValues.toPlain(Json.createReader(new StringReader(text)).readValue());
        } catch (RuntimeException notJson) {
            return text;
        }
    }
}
