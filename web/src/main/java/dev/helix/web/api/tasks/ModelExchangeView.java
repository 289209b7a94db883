package dev.helix.web.api.tasks;

import dev.helix.tasks.model.ModelExchange;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * One call of a task's agent's model, as the transcript lists it: the step (work order, kind, checklist item, round),
 * the request and the answer as the JSON they were recorded as (a text where one was cut at its limit), what it cost,
 * and whether its step's answer was taken.
 */
public record ModelExchangeView(long id, long orderSeq, String step, int itemNumber, int round, String agent, String provider,
                                String model, JsonValue request, JsonValue answer, String failure, long tokens,
                                long durationMs, boolean stepCompleted, Instant at) {

    public static ModelExchangeView of(ModelExchange e) {
        return new ModelExchangeView(e.getId(), e.getOrderSeq(), e.getStep().name(), e.getItemNumber(), e.getRound(),
                e.getAgentName(), e.getProvider(), e.getModel(), json(e.getRequest()), json(e.getAnswer()), e.getFailure(),
                e.getTokens(), e.getDurationMs(), e.isStepCompleted(), e.getAt());
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try {
            return Json.createReader(new StringReader(text)).readValue();
        } catch (JsonException e) {
            return Json.createValue(text);
        }
    }
}
