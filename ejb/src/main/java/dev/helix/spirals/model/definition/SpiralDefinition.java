package dev.helix.spirals.model.definition;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A validated spiral: a trigger and ordered steps, read from its JSON by {@link DefinitionReader}.
 *
 * @param name        what people call it
 * @param description what it is for (may be empty)
 * @param trigger     what starts it
 * @param steps       what it does, in order
 * @param onError     what a run does after a step's last failed attempt, unless the step says otherwise
 */
public record SpiralDefinition(String name, String description, Trigger trigger, List<SpiralStep> steps, OnError onError) {

    /** The position of the step with this id. */
    public Optional<Integer> positionOf(String stepId) {
        return IntStream.range(0, steps.size()).filter(i -> steps.get(i).id().equals(stepId)).boxed().findFirst();
    }

    /** The error policy that applies to a step. */
    public OnError onErrorOf(SpiralStep step) {
        return step.onError() != null ? step.onError() : onError;
    }
}
