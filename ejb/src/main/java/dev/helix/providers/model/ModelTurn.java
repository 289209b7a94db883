package dev.helix.providers.model;

import dev.helix.shared.model.TokenCount;

/**
 * One call of an agent's model, as it is recorded: what was sent and what came back, both JSON texts with the
 * provider's secrets cut out, the tokens it cost, how long it took, and, for a call that failed, why (no answer).
 *
 * @param request   what was sent: the model, and the messages added since the step's previous call
 * @param answer    what came back ({@code {"text": ..., "toolCalls": [...]}}), or {@code null} when the call failed
 * @param tokens    what the call cost; nothing for a call that failed
 * @param failure   why the call failed, or {@code null}
 */
public record ModelTurn(String request, String answer, TokenCount tokens, long tookMillis, String failure) {

    /** A call that was answered. */
    public static ModelTurn answered(String request, String answer, TokenCount tokens, long tookMillis) {
        return new ModelTurn(request, answer, tokens, tookMillis, null);
    }

    /** A call that failed. */
    public static ModelTurn failed(String request, long tookMillis, String failure) {
        return new ModelTurn(request, null, TokenCount.NONE, tookMillis, failure == null ? "the call failed" : failure);
    }
}
