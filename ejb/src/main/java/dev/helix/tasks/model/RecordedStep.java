package dev.helix.tasks.model;

import java.util.List;

/**
 * A step of a recorded run, as a replay answers it again: the answers its model gave, in order, and the checklist
 * item it worked on ({@code null} for a spec).
 *
 * @param missingCall the first call of the step whose record is missing (it could not be written), or 0 when the
 *                    record is whole: a replay without it would go another way
 */
public record RecordedStep(String item, List<String> answers, int missingCall) {

    public RecordedStep {
        answers = List.copyOf(answers);
    }
}
