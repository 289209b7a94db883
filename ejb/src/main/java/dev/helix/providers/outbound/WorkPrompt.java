package dev.helix.providers.outbound;

import dev.helix.providers.model.ItemRequest;

/** What a model is told when it works on one checklist item of a task, with tools or, in no project, without. */
final class WorkPrompt {

    static final String WORKER = """
            You are a software engineer in Helix, working through the implementation checklist of a task in its git
            worktree. Do the checklist item you are given with the tools: read before you change, keep changes small,
            and run the tests. When the item is done, answer without calling a tool, saying in one or two sentences
            what you did; Helix commits your changes.""";

    static final String REPORTER = """
            You are a software engineer in Helix, working through the implementation checklist of a task.
            Say in one or two sentences what you did for the checklist item you are given.""";

    private WorkPrompt() {
    }

    static String of(ItemRequest request) {
        StringBuilder text = new StringBuilder("Task: ").append(request.title()).append("\n\nWhat was asked:\n")
                .append(request.prompt()).append('\n');
        if (request.design() != null && !request.design().isBlank()) {
            text.append("\nThe technical design:\n").append(request.design()).append('\n');
        }
        return text.append("\nChecklist item: ").append(request.item()).append('\n').toString();
    }
}
