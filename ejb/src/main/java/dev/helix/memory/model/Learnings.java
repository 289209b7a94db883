package dev.helix.memory.model;

import dev.helix.shared.model.Abbreviation;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthesises what a finished task teaches, without a model: a {@link MemoryKind#TASK_SUMMARY} (what was
 * asked, the requirements and the plan it finished) and, when it met trouble on the way (failed work steps,
 * rejected specs or implementations), an {@link MemoryKind#ERROR_RESOLUTION} naming the trouble and what
 * got it through.
 *
 * @param title      the task's title
 * @param prompt     what was asked
 * @param requirements the requirements document, or {@code null}
 * @param plan       the finished plan, or {@code null}
 * @param failures   the errors of failed work steps, oldest first
 * @param rejections the reviewers' comments on rejected specs and implementations, oldest first
 */
public record Learnings(String title, String prompt, String requirements, String plan, List<String> failures,
        List<String> rejections) {

    private static final int MAX_LINES = 12;

    /** The memories to store for the task. */
    public List<NewMemory> memories(long taskId) {
        List<NewMemory> memories = new ArrayList<>();
        memories.add(new NewMemory(clip(summary()), MemoryKind.TASK_SUMMARY, null, taskId));
        if (!failures.isEmpty() || !rejections.isEmpty()) {
            memories.add(new NewMemory(clip(resolution()), MemoryKind.ERROR_RESOLUTION, null, taskId));
        }
        return memories;
    }

    private String summary() {
        StringBuilder text = new StringBuilder("Done \"").append(title).append("\": ").append(firstLine(prompt))
                .append("\nAsked: ").append(prompt.strip()).append('\n');
        appendLines(text, "Requirements met:", requirements, "- ");
        appendLines(text, "Steps that finished it:", plan, "- [x] ");
        return text.toString();
    }

    private String resolution() {
        String trouble = failures.isEmpty() ? "a reviewer rejected the work" : "a work step failed with "
                + firstLine(failures.get(failures.size() - 1));
        StringBuilder text = new StringBuilder("On \"").append(title).append("\" ").append(trouble)
                .append("; resolved, and the task finished.\n");
        if (!failures.isEmpty()) {
            text.append(failures.size()).append(" work step(s) failed, last with: ")
                    .append(failures.get(failures.size() - 1).strip())
                    .append("\nResolved by retrying the step until it went through.\n");
        }
        for (String comment : rejections) {
            text.append("A reviewer rejected the work: ").append(comment == null || comment.isBlank()
                    ? "(no comment)" : comment.strip()).append("\nResolved by revising it to address that.\n");
        }
        return text.toString();
    }

    private static void appendLines(StringBuilder text, String heading, String document, String prefix) {
        if (document == null) {
            return;
        }
        List<String> lines = document.lines().map(String::strip).filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip()).limit(MAX_LINES).toList();
        if (!lines.isEmpty()) {
            text.append(heading).append('\n');
            lines.forEach(l -> text.append("- ").append(l).append('\n'));
        }
    }

    private static String firstLine(String text) {
        return Abbreviation.firstLine(text, 160);
    }

    private static String clip(String text) {
        return Abbreviation.of(text, Memory.MAX_TEXT);
    }
}
