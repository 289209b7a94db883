package dev.helix.tasks.model;

/**
 * A model call of a task as a list shows it, without the whole request: its step, which model, the start of its
 * answer ({@value #ANSWER_START} characters at most), why it failed, and what it cost.
 */
public record ExchangeSummary(long id, long orderSeq, ClaimedStep.Kind step, int itemNumber, int round, String provider,
                              String model, String answerStart, String failure, long tokens, long durationMs) {

    /** The most of an answer a summary holds. */
    public static final int ANSWER_START = 20_000;
}
