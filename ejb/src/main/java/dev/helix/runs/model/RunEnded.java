package dev.helix.runs.model;

import java.time.Instant;

/**
 * A run of a ritual or a spiral ended (CDI event, fired in the transaction that records its end).
 *
 * @param kind    {@code ritual} or {@code spiral}
 * @param runId   the run
 * @param subject the ritual's name or the spiral's id
 * @param status  how it ended
 * @param detail  its summary or why it failed, or {@code null}
 * @param at      when it ended
 */
public record RunEnded(String kind, long runId, String subject, RunStatus status, String detail, Instant at) {
}
