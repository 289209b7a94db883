package dev.helix.tasks.model;

import java.util.List;

/**
 * A step of a recorded run, as a replay answers it again: the answers its model gave, in order, and the checklist
 * item it worked on ({@code null} for a spec).
 */
public record RecordedStep(String item, List<String> answers) {

    public RecordedStep {
        answers = List.copyOf(answers);
    }
}
