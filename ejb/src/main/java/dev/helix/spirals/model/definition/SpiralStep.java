package dev.helix.spirals.model.definition;

import dev.helix.spirals.model.expression.Expression;

/**
 * One step of a spiral.
 *
 * @param id      unique within the spiral (branches jump to it); {@code step-<n>} unless given
 * @param when    the step runs only when this holds; {@code null}: always
 * @param retry   how often it is tried
 * @param onError what happens after its last failed attempt; {@code null}: the spiral's policy
 * @param action  what it does
 */
public record SpiralStep(String id, Expression when, RetryPolicy retry, OnError onError, StepAction action) {

    public StepType type() {
        return action.type();
    }
}
