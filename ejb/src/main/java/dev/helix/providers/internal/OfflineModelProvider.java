package dev.helix.providers.internal;

import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.port.ModelProvider;
import dev.helix.shared.model.Abbreviation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The built-in <b>offline</b> provider: deterministic text built from the prompt, no network and no
 * model. It lets Helix run and be tested out of the box; its answers are templates, not intelligence.
 * A prompt containing {@value #OUTAGE_DIRECTIVE} makes it fail every call, to exercise the retry and
 * dead-letter path on purpose.
 */
@ApplicationScoped
public class OfflineModelProvider implements ModelProvider {

    /** Directive in a prompt that makes this provider simulate an outage. */
    public static final String OUTAGE_DIRECTIVE = "#simulate-outage";

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public SpecDraft draftSpec(SpecRequest request, String model) {
        failIfAsked(request.prompt());
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
        return new SpecDraft(requirements.toString(), design.toString(), plan.toString(), tokens(all));
    }

    @Override
    public StepResult work(String taskPrompt, String item, String model) {
        failIfAsked(taskPrompt);
        String summary = "Completed '" + item + "' (offline " + model + ")";
        return new StepResult(summary, tokens(item) + tokens(summary));
    }

    private static void failIfAsked(String prompt) {
        if (prompt != null && prompt.toLowerCase(Locale.ROOT).contains(OUTAGE_DIRECTIVE)) {
            throw new ProviderUnavailableException(
                    "offline provider: simulated outage requested by the prompt (" + OUTAGE_DIRECTIVE + ")");
        }
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
