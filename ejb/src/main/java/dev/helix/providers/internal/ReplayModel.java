package dev.helix.providers.internal;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.model.ModelTurn;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.model.ToolRequest;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.port.Toolbox;
import dev.helix.providers.port.Transcript;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.TokenCount;
import java.util.List;

/**
 * A model that answers a step with the answers recorded for the same step of an earlier run, in order, calling no
 * model at all: a spec step takes the first answer that reads as a spec, as the model's step did; a checklist item
 * calls each recorded answer's tools for real in the new task's worktree, until the answer without tool calls, which
 * is the item's summary. Its own answers go to the new run's transcript like any model's.
 */
public final class ReplayModel implements ModelProvider {

    private final String source;
    private final List<String> answers;

    /**
     * @param source  what is replayed, for messages (e.g. "task 12's spec step")
     * @param answers the recorded answers of that step, in the order they were given
     */
    public ReplayModel(String source, List<String> answers) {
        this.source = source;
        this.answers = List.copyOf(answers);
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public SpecDraft draftSpec(SpecRequest request, String model, Transcript transcript) {
        String problem = "no answer was recorded";
        String last = null;
        for (int round = 0; round < answers.size(); round++) {
            TurnJson.Answer answer = replay(round, transcript);
            last = answer.text();
            try {
                return SpecAnswer.parse(answer.text(), 0);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            }
        }
        throw new ModelAnswerRejectedException("The replay of " + source + " holds no usable spec: " + problem, last);
    }

    @Override
    public StepResult work(ItemRequest request, Toolbox tools, String model, Transcript transcript) {
        for (int round = 0; round < answers.size(); round++) {
            TurnJson.Answer answer = replay(round, transcript);
            if (answer.toolCalls().isEmpty() || tools.tools().isEmpty()) { // offered no tools, a model's calls were ignored
                String text = answer.text();
                return new StepResult(text == null || text.isBlank() ? "Worked on '" + request.item() + "'"
                        : Abbreviation.of(text.strip(), 500), 0);
            }
            for (ToolRequest call : answer.toolCalls()) {
                tools.call(call.name(), call.arguments());
            }
        }
        throw new ModelAnswerRejectedException("The replay of " + source + " ends before the work on '" + request.item()
                + "' was summed up", answers.isEmpty() ? null : answers.get(answers.size() - 1));
    }

    private TurnJson.Answer replay(int round, Transcript transcript) {
        String answer = answers.get(round);
        transcript.record(ModelTurn.answered(TurnJson.request("replayOf", source, "round", Integer.toString(round + 1)), answer, TokenCount.NONE, 0));
        try {
            return TurnJson.read(answer);
        } catch (IllegalArgumentException e) {
            throw new ModelAnswerRejectedException("The replay of " + source + " cannot go on: " + e.getMessage(), answer);
        }
    }
}
