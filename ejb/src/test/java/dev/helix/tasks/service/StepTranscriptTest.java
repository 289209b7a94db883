package dev.helix.tasks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.ModelTurn;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.model.TokenCount;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.ModelExchange;
import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTranscriptTest {

    private final ClaimedStep step = new ClaimedStep(new WorkOrder(7, 3, Priority.MEDIUM), ClaimedStep.Kind.WORK_ITEM,
            TaskStatus.IMPLEMENTATION, 11, "coder-1", "local", "qwen", null, new ItemRequest("t", "p", null, "Fix it"), 2, 5L,
            "alice", null);
    private final List<ModelExchange> recorded = new ArrayList<>();
    private final List<FleetEvent> events = new ArrayList<>();
    private final StepTranscript transcript = new StepTranscript(step, "local", (exchange, tokens) -> recorded.add(exchange),
            events::add, () -> { });

    @Test
    void eachCallIsRecordedWithItsStepAndItsPlaceInTheStep() {
        transcript.record(ModelTurn.answered("{\"messages\":[]}", "{\"text\":\"a\",\"toolCalls\":[]}", TokenCount.counted(100, 20), 40));
        transcript.record(ModelTurn.failed("{\"messages\":[]}", 30, "it answered HTTP 500"));

        assertEquals(List.of(1, 2), recorded.stream().map(ModelExchange::getRound).toList());
        ModelExchange first = recorded.get(0);
        assertEquals(List.of(7L, 3L, 2, "alice", "local", "qwen", "coder-1", 120L), List.of(first.getTaskId(), first.getOrderSeq(),
                first.getItemNumber(), first.getRequestedBy(), first.getProvider(), first.getModel(), first.getAgentName(),
                first.getTokens()));
        assertEquals("it answered HTTP 500", recorded.get(1).getFailure());
        assertEquals(null, recorded.get(1).getAnswer());
    }

    @Test
    void whatTheModelWritesGoesOutGatheredAndEachCallApart() {
        transcript.produced("Hel");
        transcript.produced("lo");
        assertEquals(List.of(), events, "small pieces wait to be sent together");
        transcript.record(ModelTurn.answered("{}", "{}", TokenCount.counted(1, 0), 1));
        transcript.produced("x".repeat(StepTranscript.FLUSH_CHARS));

        assertEquals(List.of("Hello", "\n\n" + "x".repeat(StepTranscript.FLUSH_CHARS)), events.stream().map(FleetEvent::detail).toList());
        FleetEvent first = events.get(0);
        assertEquals(List.of(FleetEvent.Type.MODEL_OUTPUT, 7L, 11L, "WORK_ITEM 2 · order 3"),
                List.of(first.type(), first.taskId(), first.agentId(), first.status()));
    }

    @Test
    void aCallThatCannotBeRecordedDoesNotStopTheWork() {
        StepTranscript failing = new StepTranscript(step, "local", (exchange, tokens) -> {
            throw new IllegalStateException("database down");
        }, events::add, () -> { });
        failing.record(ModelTurn.answered("{}", "{}", TokenCount.counted(1, 0), 1));
        assertEquals(List.of(), events);
    }

    @Test
    void aCallIsCheckedBeforeItIsMadeAndARefusalStopsIt() {
        StepTranscript refusing = new StepTranscript(step, "local", (exchange, tokens) -> recorded.add(exchange), events::add,
                () -> {
                    throw new IllegalStateException("Token budget exhausted");
                });
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                refusing::asking);
        assertEquals("Token budget exhausted", refused.getMessage());
        assertTrue(recorded.isEmpty(), "a refused call is not made, so nothing is recorded");
    }
}
