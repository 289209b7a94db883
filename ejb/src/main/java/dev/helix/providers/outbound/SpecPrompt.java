package dev.helix.providers.outbound;

import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/** What a model is told when it writes or revises a task's spec, and the JSON shape its answer must have. */
final class SpecPrompt {

    static final String SYSTEM = """
            You are a software architect in Helix, a platform where AI agents take tasks through human review.
            Write three markdown documents for the task you are given:
            - requirements: numbered, testable requirements (R1, R2, ...);
            - design: the technical design that meets them;
            - plan: an implementation checklist, one step per line, each line starting with "- [ ] ".
            Answer with one JSON object with exactly the string fields "requirements", "design" and "plan".""";

    static final JsonSchema SCHEMA = JsonSchema.builder().name("spec").rootElement(JsonObjectSchema.builder()
            .addStringProperty("requirements", "Markdown: numbered, testable requirements")
            .addStringProperty("design", "Markdown: the technical design")
            .addStringProperty("plan", "Markdown: the checklist, one '- [ ] ' line per step")
            .required("requirements", "design", "plan")
            .additionalProperties(false)
            .build()).build();

    private SpecPrompt() {
    }

    static String of(SpecRequest request) {
        StringBuilder text = new StringBuilder("Task: ").append(request.title()).append("\n\nWhat was asked:\n")
                .append(request.prompt()).append('\n');
        if (!request.learnings().isEmpty()) {
            text.append("\nWhat the fleet learned on similar tasks:\n");
            request.learnings().forEach(l -> text.append("- ").append(l).append('\n'));
        }
        SpecDraft previous = request.previous();
        if (previous != null) {
            text.append("\nYour previous documents:\n\n## requirements\n").append(previous.requirements())
                    .append("\n\n## design\n").append(previous.design()).append("\n\n## plan\n").append(previous.plan()).append('\n');
        }
        if (request.feedback() != null && !request.feedback().isBlank()) {
            text.append("\nThe reviewer rejected them with this comment; revise the documents to address it:\n")
                    .append(request.feedback().strip()).append('\n');
        }
        return text.toString();
    }

    static String correction(String problem) {
        return "That answer cannot be used: " + problem + ". Answer again with one JSON object with the non-empty string "
                + "fields \"requirements\", \"design\" and \"plan\", the plan having at least one \"- [ ] \" line.";
    }
}
