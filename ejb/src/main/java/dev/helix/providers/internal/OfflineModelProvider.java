package dev.helix.providers.internal;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.ModelTurn;
import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.model.ToolRequest;
import dev.helix.providers.model.ToolSpec;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.port.Toolbox;
import dev.helix.providers.port.Transcript;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.TokenCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The built-in <b>offline</b> provider: deterministic text built from the prompt, no network and no
 * model. It lets Helix run and be tested out of the box; its answers are templates, not intelligence.
 * A prompt containing {@value #OUTAGE_DIRECTIVE} makes it fail every call, to exercise the retry and
 * dead-letter path on purpose. Its transcript reads like a model's: the spec as the JSON a model answers with, and
 * each tool it calls as an answer calling that tool, so its runs replay like any other.
 */
@ApplicationScoped
public class OfflineModelProvider implements ModelProvider {

    /** Directive in a prompt that makes this provider simulate an outage. */
    public static final String OUTAGE_DIRECTIVE = "#simulate-outage";
    private static final String OUTAGE = "offline provider: simulated outage requested by the prompt (" + OUTAGE_DIRECTIVE + ")";

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public SpecDraft draftSpec(SpecRequest request, String model, Transcript transcript) {
        transcript.asking();
        String asked = TurnJson.request("model", model, "title", request.title(), "prompt", request.prompt(),
                "feedback", request.feedback());
        if (outageAsked(request.prompt())) {
            transcript.record(ModelTurn.failed(asked, 0, OUTAGE));
            throw new ProviderUnavailableException(OUTAGE);
        }
        List<String> asks = statements(request.prompt());
        StringBuilder requirements = new StringBuilder("# Requirements: ").append(request.title()).append("\n\n");
        for (int i = 0; i < asks.size(); i++) {
            requirements.append("- R").append(i + 1).append(": The system shall ").append(lowerFirst(asks.get(i))).append('\n');
        }
        StringBuilder design = new StringBuilder("# Technical design: ").append(request.title()).append("\n\n")
                .append("Drafted offline by ").append(model).append(" from the prompt; no model was consulted.\n\n")
                .append("## Approach\n");
        for (String ask : asks) {
            design.append("- Component for: ").append(ask).append('\n');
        }
        if (!request.learnings().isEmpty()) {
            design.append("\n## Prior learnings (recalled from memory)\n");
            request.learnings().forEach(l -> design.append("- ").append(Abbreviation.firstLine(l, 200)).append('\n'));
        }
        List<String> items = new ArrayList<>();
        items.add("Set up the workspace for " + request.title());
        asks.forEach(a -> items.add("Implement: " + a));
        items.add("Write tests for " + request.title());
        items.add("Document " + request.title());
        if (request.feedback() != null && !request.feedback().isBlank()) {
            int round = request.previous() == null ? 1 : countRevisions(request.previous().design()) + 1;
            design.append("\n## Revision ").append(round).append("\nAddresses review feedback: ")
                    .append(request.feedback().strip()).append('\n');
            requirements.append("- R").append(asks.size() + 1).append(": Address review feedback: ")
                    .append(request.feedback().strip()).append('\n');
            items.add(items.size() - 2, "Address review feedback: " + request.feedback().strip());
        }
        StringBuilder plan = new StringBuilder("# Implementation plan: ").append(request.title()).append("\n\n");
        items.forEach(item -> plan.append("- [ ] ").append(item).append('\n'));
        String all = requirements.toString() + design + plan;
        SpecDraft draft = new SpecDraft(requirements.toString(), design.toString(), plan.toString(), tokens(all));
        transcript.record(ModelTurn.answered(asked, TurnJson.answer(SpecAnswer.of(draft), List.of()), TokenCount.estimated(0, draft.tokens()), 0));
        return draft;
    }

    /**
     * Works like an agent with tools, without a model: notes the item in a work log of the task in its worktree
     * ({@code docs/helix/<title>.md}), then runs the project's test command in the sandbox and reports how it ended.
     * Where the task has no worktree (no tools on offer), it only reports the item.
     */
    @Override
    public StepResult work(ItemRequest request, Toolbox toolbox, String model, Transcript transcript) {
        transcript.asking();
        ToolsInTranscript tools = new ToolsInTranscript(toolbox, transcript,
                TurnJson.request("model", model, "title", request.title(), "item", request.item()));
        if (outageAsked(request.prompt())) {
            tools.failed(OUTAGE);
            throw new ProviderUnavailableException(OUTAGE);
        }
        if (tools.tools().stream().noneMatch(tool -> tool.name().equals(Toolbox.WRITE_FILE))) {
            String summary = "Completed '" + request.item() + "' (offline " + model + ")";
            return tools.answered(new StepResult(summary, tokens(request.item()) + tokens(summary)));
        }
        if (request.item().startsWith(ItemRequest.RESOLVE_CONFLICT)) {
            keepBothSides(tools);
        }
        String log = "docs/helix/" + slug(request.title()) + ".md";
        String before = tools.call(Toolbox.READ_FILE, Json.createObjectBuilder().add("path", log).build().toString());
        String notes = (before.startsWith(Toolbox.ERROR) ? "# " + request.title() + "\n\nWork log kept by Helix's offline model.\n\n"
                : before) + "- " + request.item() + "\n";
        tools.call(Toolbox.WRITE_FILE, Json.createObjectBuilder().add("path", log).add("content", notes).build().toString());
        String run = tools.call(Toolbox.RUN_COMMAND, "{}");
        String summary = "Noted '" + request.item() + "' in " + log + " (offline " + model + "); tests: "
                + Abbreviation.firstLine(run, 120);
        long spent = tokens(request.item()) + tokens(notes) + tokens(run);
        tools.spent(spent);
        return tools.answered(new StepResult(summary, spent));
    }

    /**
     * The toolbox as the offline model uses it, noting each call in the transcript as an answer that calls the tool
     * (its result is the next request), and the summary as the last answer.
     */
    private static final class ToolsInTranscript implements Toolbox {

        private final Toolbox tools;
        private final Transcript transcript;
        private String request;

        ToolsInTranscript(Toolbox tools, Transcript transcript, String firstRequest) {
            this.tools = tools;
            this.transcript = transcript;
            this.request = firstRequest;
        }

        @Override
        public List<ToolSpec> tools() {
            return tools.tools();
        }

        @Override
        public String call(String name, String arguments) {
            transcript.record(ModelTurn.answered(request, TurnJson.answer(null, List.of(new ToolRequest(null, name, arguments))), TokenCount.NONE, 0));
            String result = tools.call(name, arguments);
            request = TurnJson.request("tool", name, "result", result);
            return result;
        }

        @Override
        public void spent(long tokens) {
            tools.spent(tokens);
        }

        StepResult answered(StepResult result) {
            transcript.record(ModelTurn.answered(request, TurnJson.answer(result.summary(), List.of()), TokenCount.estimated(0, result.tokens()), 0));
            return result;
        }

        void failed(String why) {
            transcript.record(ModelTurn.failed(request, 0, why));
        }
    }

    /**
     * Resolves every conflict in the worktree the simplest way: both sides kept, one after the other, the markers
     * dropped. Good enough for the offline provider's own work logs; a real model reads and decides.
     */
    private static void keepBothSides(Toolbox tools) {
        String found = tools.call(Toolbox.SEARCH, Json.createObjectBuilder().add("text", "<<<<<<< ").build().toString());
        if (found.startsWith(Toolbox.ERROR) || !found.contains(":")) {
            return;
        }
        for (String path : found.lines().filter(l -> l.contains(":")).map(l -> l.substring(0, l.indexOf(':'))).distinct().toList()) {
            String text = tools.call(Toolbox.READ_FILE, Json.createObjectBuilder().add("path", path).build().toString());
            String resolved = text.lines().filter(l -> !l.startsWith("<<<<<<< ") && !l.equals("=======") && !l.startsWith(">>>>>>> "))
                    .map(l -> l + "\n").collect(Collectors.joining());
            tools.call(Toolbox.WRITE_FILE, Json.createObjectBuilder().add("path", path).add("content", resolved).build().toString());
        }
    }

    private static boolean outageAsked(String prompt) {
        return prompt != null && prompt.toLowerCase(Locale.ROOT).contains(OUTAGE_DIRECTIVE);
    }

    private static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "task" : Abbreviation.of(slug, 60).replaceAll("[^a-z0-9-]", "");
    }

    /** The prompt's sentences (at most six), or the whole prompt as one statement. */
    static List<String> statements(String prompt) {
        List<String> parts = Arrays.stream(prompt.split("[.;!?\\n]+"))
                .map(String::strip)
                .filter(s -> s.length() > 2 && !s.toLowerCase(Locale.ROOT).contains(OUTAGE_DIRECTIVE))
                .limit(6)
                .toList();
        return parts.isEmpty() ? List.of(prompt.strip()) : parts;
    }

    private static int countRevisions(String design) {
        return design == null ? 0 : design.split("\n## Revision ", -1).length - 1;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** A rough token count: about four characters per token, as with common tokenizers. */
    private static long tokens(String text) {
        return Math.max(1, text.length() / 4);
    }
}
