package dev.helix.providers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.model.ModelTurn;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.model.ToolRequest;
import dev.helix.providers.port.Transcript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayModelTest {

    private final OfflineModelProvider offline = new OfflineModelProvider();

    @Test
    void aRecordedSpecStepIsAnsweredAgainWithTheSameDocuments() {
        List<ModelTurn> recorded = new ArrayList<>();
        SpecDraft original = offline.draftSpec(new SpecRequest("Greeter", "Greet by name. Be polite.", null, null, List.of()),
                "offline-1", recorded::add);

        List<ModelTurn> replayed = new ArrayList<>();
        SpecDraft again = new ReplayModel("task 1's spec step 1", answers(recorded)).draftSpec(
                new SpecRequest("Greeter", "anything", null, null, List.of()), "any", replayed::add);

        assertEquals(List.of(original.requirements(), original.design(), original.plan()),
                List.of(again.requirements(), again.design(), again.plan()));
        assertEquals(answers(recorded), answers(replayed), "the replay's own transcript holds the same answers");
        assertTrue(replayed.get(0).request().contains("\"replayOf\":\"task 1's spec step 1\""), replayed.get(0).request());
    }

    @Test
    void aRecordedItemCallsTheSameToolsForRealAndEndsWithTheSameSummary() {
        ItemRequest item = new ItemRequest("Fix the greeting", "Add the exclamation mark.", null, "Fix greet");
        MemoryToolbox first = new MemoryToolbox();
        List<ModelTurn> recorded = new ArrayList<>();
        StepResult original = offline.work(item, first, "offline-1", recorded::add);
        assertEquals(4, recorded.size(), "three tool calls, then the summary: " + recorded);
        assertEquals(List.of(new ToolRequest(null, "write_file", TurnJson.read(recorded.get(1).answer()).toolCalls().get(0).arguments())),
                TurnJson.read(recorded.get(1).answer()).toolCalls());
        assertTrue(recorded.get(1).request().contains("\"tool\":\"read_file\""), "a call's result is the next request");

        MemoryToolbox second = new MemoryToolbox();
        StepResult again = new ReplayModel("task 1's work on checklist item 1", answers(recorded)).work(item, second, "any",
                Transcript.NONE);

        assertEquals(original.summary(), again.summary());
        assertEquals(0, again.tokens(), "a replay calls no model");
        assertEquals(first.files, second.files);
        assertEquals(List.of("read_file", "write_file", "run_command"), second.calls);
    }

    @Test
    void aRecordingThatEndsTooSoonOrIsNoSpecFailsTheStepWithTheReason() {
        String toolCall = TurnJson.answer(null, List.of(new ToolRequest("c1", "run_command", "{}")));
        ModelAnswerRejectedException cut = assertThrows(ModelAnswerRejectedException.class, () -> new ReplayModel("task 7's work",
                List.of(toolCall)).work(new ItemRequest("t", "p", null, "Item"), new MemoryToolbox(), "m", Transcript.NONE));
        assertEquals("The replay of task 7's work ends before the work on 'Item' was summed up", cut.getMessage());

        ModelAnswerRejectedException noSpec = assertThrows(ModelAnswerRejectedException.class, () -> new ReplayModel("task 7's spec",
                List.of(TurnJson.answer("no JSON here", List.of()))).draftSpec(new SpecRequest("t", "p", null, null, List.of()),
                "m", Transcript.NONE));
        assertEquals("The replay of task 7's spec holds no usable spec: it is not JSON", noSpec.getMessage());
        assertEquals("no JSON here", noSpec.answer());

        ModelAnswerRejectedException broken = assertThrows(ModelAnswerRejectedException.class, () -> new ReplayModel("task 7's spec",
                List.of("{\"text\": \"cut at its li…")).draftSpec(new SpecRequest("t", "p", null, null, List.of()), "m", Transcript.NONE));
        assertTrue(broken.getMessage().startsWith("The replay of task 7's spec cannot go on: a recorded answer is not readable"),
                broken.getMessage());
        assertNull(TurnJson.read(TurnJson.answer(null, List.of())).text());
    }

    private static List<String> answers(List<ModelTurn> turns) {
        return turns.stream().map(ModelTurn::answer).toList();
    }
}
