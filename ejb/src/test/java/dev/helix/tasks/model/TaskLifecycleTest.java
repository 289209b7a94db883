package dev.helix.tasks.model;

import static dev.helix.tasks.model.TaskStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskLifecycleTest {

    /** The lifecycle of C2, written out independently of the implementation. */
    private static final Map<TaskStatus, Set<TaskStatus>> EXPECTED = Map.ofEntries(
            Map.entry(BACKLOG, EnumSet.of(SPEC_GENERATION, IMPLEMENTATION_QUEUED, SPEC_FAILED, IMPLEMENTATION_FAILED, CANCELLED)),
            Map.entry(SPEC_GENERATION, EnumSet.of(SPEC_REVIEW, SPEC_FAILED, CANCELLED)),
            Map.entry(SPEC_REVIEW, EnumSet.of(SPEC_APPROVED, SPEC_REVISION, CANCELLED)),
            Map.entry(SPEC_REVISION, EnumSet.of(SPEC_REVIEW, SPEC_FAILED, CANCELLED)),
            Map.entry(SPEC_APPROVED, EnumSet.of(IMPLEMENTATION_QUEUED, IMPLEMENTATION_FAILED, CANCELLED)),
            Map.entry(IMPLEMENTATION_QUEUED, EnumSet.of(IMPLEMENTATION, IMPLEMENTATION_FAILED, CANCELLED)),
            Map.entry(IMPLEMENTATION, EnumSet.of(IMPLEMENTATION_REVIEW, IMPLEMENTATION_FAILED, CANCELLED)),
            Map.entry(IMPLEMENTATION_REVIEW, EnumSet.of(DONE, IMPLEMENTATION, CANCELLED)),
            Map.entry(DONE, EnumSet.noneOf(TaskStatus.class)),
            Map.entry(SPEC_FAILED, EnumSet.noneOf(TaskStatus.class)),
            Map.entry(IMPLEMENTATION_FAILED, EnumSet.noneOf(TaskStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(TaskStatus.class)));

    static Stream<Arguments> everyPair() {
        return Stream.of(TaskStatus.values()).flatMap(from -> Stream.of(TaskStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyTransitionIsLegalExactlyWhenTheSpecSaysSo(TaskStatus from, TaskStatus to) {
        Task task = taskIn(from);
        if (EXPECTED.get(from).contains(to)) {
            TaskTransition transition = TaskLifecycle.move(task, to, "alice", "why", Instant.EPOCH);
            assertEquals(to, task.getStatus());
            assertEquals(from, transition.getFrom());
            assertEquals(to, transition.getTo());
            assertEquals("alice", transition.getActor());
        } else {
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> TaskLifecycle.move(task, to, "alice", null, Instant.EPOCH));
            assertTrue(e.getMessage().contains(from + " to " + to), e.getMessage());
            assertEquals(from, task.getStatus(), "an illegal move leaves the task where it was");
            assertEquals(409, e.status());
        }
    }

    @Test
    void aNewTaskStartsInBacklogAndTheHappyPathReachesDone() {
        Task task = new Task("t", "p", Priority.HIGH, false, null, "bob", Instant.EPOCH);
        assertEquals(BACKLOG, task.getStatus());
        for (TaskStatus next : new TaskStatus[]{SPEC_GENERATION, SPEC_REVIEW, SPEC_REVISION, SPEC_REVIEW, SPEC_APPROVED,
                IMPLEMENTATION_QUEUED, IMPLEMENTATION, IMPLEMENTATION_REVIEW, IMPLEMENTATION, IMPLEMENTATION_REVIEW, DONE}) {
            TaskLifecycle.move(task, next, "x", null, Instant.EPOCH);
        }
        assertTrue(task.getStatus().isTerminal());
    }

    @Test
    void gateDecisionsLeadWhereTheSpecSays() {
        assertEquals(SPEC_APPROVED, TaskLifecycle.outcomeOf(taskIn(SPEC_REVIEW), Gate.SPEC, Decision.APPROVE));
        assertEquals(SPEC_REVISION, TaskLifecycle.outcomeOf(taskIn(SPEC_REVIEW), Gate.SPEC, Decision.REJECT));
        assertEquals(DONE, TaskLifecycle.outcomeOf(taskIn(IMPLEMENTATION_REVIEW), Gate.IMPLEMENTATION, Decision.APPROVE));
        assertEquals(IMPLEMENTATION, TaskLifecycle.outcomeOf(taskIn(IMPLEMENTATION_REVIEW), Gate.IMPLEMENTATION, Decision.REJECT));
    }

    @ParameterizedTest
    @MethodSource("everyPair")
    void aGateCanOnlyBeDecidedInItsReviewState(TaskStatus state, TaskStatus ignored) {
        for (Gate gate : Gate.values()) {
            if (state != gate.reviewState()) {
                assertThrows(IllegalTransitionException.class, () -> TaskLifecycle.outcomeOf(taskIn(state), gate, Decision.APPROVE));
            }
        }
    }

    @Test
    void failuresLandInTheFailedStateOfTheirPhase() {
        assertEquals(SPEC_FAILED, TaskLifecycle.failureOf(taskIn(SPEC_GENERATION)));
        assertEquals(SPEC_FAILED, TaskLifecycle.failureOf(taskIn(SPEC_REVISION)));
        assertEquals(SPEC_FAILED, TaskLifecycle.failureOf(taskIn(BACKLOG)));
        assertEquals(IMPLEMENTATION_FAILED, TaskLifecycle.failureOf(new Task("t", "p", Priority.LOW, true, null, "x", Instant.EPOCH)));
        assertEquals(IMPLEMENTATION_FAILED, TaskLifecycle.failureOf(taskIn(IMPLEMENTATION)));
        assertThrows(IllegalTransitionException.class, () -> TaskLifecycle.failureOf(taskIn(SPEC_REVIEW)));
    }

    @Test
    void aTaskWaitsForAWorkOrderExactlyInTheStatesAnAgentMovesItOnFrom() {
        // Gates wait for people and ended tasks for nobody; every other state has an agent's step to come.
        Set<TaskStatus> agentStates = EnumSet.complementOf(EnumSet.of(SPEC_REVIEW, IMPLEMENTATION_REVIEW, DONE,
                SPEC_FAILED, IMPLEMENTATION_FAILED, CANCELLED));
        for (TaskStatus status : TaskStatus.values()) {
            assertEquals(agentStates.contains(status), status.awaitsWorkOrder(), status.name());
        }
    }

    @Test
    void aTaskWaitsAtTheGateWhoseReviewStateItIsIn() {
        for (TaskStatus status : TaskStatus.values()) {
            Optional<Gate> expected = status == SPEC_REVIEW ? Optional.of(Gate.SPEC)
                    : status == IMPLEMENTATION_REVIEW ? Optional.of(Gate.IMPLEMENTATION) : Optional.empty();
            assertEquals(expected, Gate.awaitedIn(status), status.name());
            assertEquals(status.awaitsDecision(), expected.isPresent(), status.name());
        }
    }

    @Test
    void aNewWorkOrderMakesTheOldOneStaleAndRecordsWhenItIsDue() {
        Task task = taskIn(IMPLEMENTATION);
        Instant due = Instant.parse("2026-11-21T10:00:00Z");
        long seq = task.nextDispatchSeq(due);
        assertEquals(seq, task.getDispatchSeq());
        assertEquals(due, task.getDispatchDueAt());
        task.withdrawDispatch();
        assertEquals(seq + 1, task.getDispatchSeq());
        assertEquals(null, task.getDispatchDueAt());
    }

    private static Task taskIn(TaskStatus status) {
        Task task = new Task("t", "p", Priority.MEDIUM, false, null, "bob", Instant.EPOCH);
        task.setStatus(status, Instant.EPOCH);
        return task;
    }
}
