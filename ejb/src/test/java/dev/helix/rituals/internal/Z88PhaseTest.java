package dev.helix.rituals.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.model.UcfInputs;
import dev.helix.analytics.service.FleetHealthIndex;
import dev.helix.rituals.model.StageStep;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Z88PhaseTest {

    private final Z88Phase invocation = new Z88Invocation();
    private final Z88Phase rollCall = new Z88RollCall();
    private final Z88StateShift stateShift = new Z88StateShift();
    private final Z88Phase seal = new Z88Seal();

    private static final UcfIndex UCF = UcfIndex.of(Instant.parse("2026-11-21T10:00:00Z"), Duration.ofHours(1),
            new UcfInputs(9, 1, 1, 0, 0, 0, 4, 4, 0.25, 2, 2, 0, 0, 16, 2, 0));

    Z88PhaseTest() {
        stateShift.health = new FleetHealthIndex() {
            @Override
            public UcfIndex live(Instant now) {
                return UCF;
            }
        };
    }

    private List<Integer> steps(Integer runSteps) {
        return List.of(invocation.steps(runSteps), rollCall.steps(runSteps), stateShift.steps(runSteps),
                seal.steps(runSteps));
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    private static StageStep stateShiftStep(Map<String, String> results) {
        return new StageStep(1L, 2, 9, false, results);
    }

    @ParameterizedTest
    @CsvSource({
        "27,  3, 12,  9,  3",
        "54,  6, 24, 18,  6",
        "108, 12, 48, 36, 12",
        "216, 24, 96, 72, 24"})
    void splitsTheRunIntoNinths(int runSteps, int invocationSteps, int rollCallSteps, int stateShiftSteps,
            int sealSteps) {
        List<Integer> steps = steps(runSteps);

        assertEquals(List.of(invocationSteps, rollCallSteps, stateShiftSteps, sealSteps), steps);
        assertEquals(runSteps, steps.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void defaultsTo27Steps() {
        assertEquals(List.of(3, 12, 9, 3), steps(null));
    }

    @Test
    void namesThePhasesInOrder() {
        assertEquals(List.of("z88-invocation", "z88-roll-call", "z88-state-shift", "z88-seal"),
                List.of(invocation.name(), rollCall.name(), stateShift.name(), seal.name()));
    }

    @Test
    void stateShiftComputesTheHealthFiguresFromTheLastSnapshotAndTheWholeRollCall() {
        String snapshots = String.join("\n",
                "{\"step\":1,\"agents\":4,\"working\":0,\"failedAgents\":1,\"utilisation\":0.0,\"tasks\":10,\"done\":0,\"failed\":10}",
                "{\"step\":2,\"agents\":4,\"working\":1,\"failedAgents\":0,\"utilisation\":0.25,\"tasks\":12,\"done\":9,\"failed\":1}");
        String rollCall = String.join("\n",
                "{\"step\":1,\"checked\":2,\"unhealthy\":1,\"unhealthyAgents\":[\"a\"]}",
                "{\"step\":2,\"checked\":1,\"unhealthy\":0,\"unhealthyAgents\":[]}");

        JsonObject figures = json(stateShift.perform(stateShiftStep(
                Map.of("z88-invocation", snapshots, "z88-roll-call", rollCall))));

        assertEquals(2, figures.getInt("step"));
        assertEquals(3, figures.getInt("agentsChecked"));
        assertEquals(1, figures.getInt("unhealthyAgents"));
        assertEquals(0.667, figures.getJsonNumber("availability").doubleValue());  // 2 of 3 healthy, rounded
        assertEquals(0.25, figures.getJsonNumber("utilisation").doubleValue());
        assertEquals(0.9, figures.getJsonNumber("taskSuccess").doubleValue());    // 9 done, 1 failed
        assertEquals(0.783, figures.getJsonNumber("healthIndex").doubleValue());  // (2/3 + 0.9) / 2
        JsonObject ucf = figures.getJsonObject("ucf");
        assertEquals(1.9, ucf.getJsonNumber("harmony").doubleValue());            // the live UCF index: 9/10 + 1/1
        assertEquals(0.75, ucf.getJsonNumber("prana").doubleValue());
        assertEquals(List.of("harmony", "resilience", "prana", "drishti", "klesha", "zoom"), List.copyOf(ucf.keySet()));
    }

    @Test
    void stateShiftCountsAFleetWithoutFiguresAsHealthy() {
        JsonObject figures = json(stateShift.perform(stateShiftStep(Map.of(
                "z88-invocation", "{\"step\":1,\"agents\":0,\"working\":0,\"failedAgents\":0,\"utilisation\":0.0,"
                        + "\"tasks\":0,\"done\":0,\"failed\":0}",
                "z88-roll-call", "{\"step\":1,\"checked\":0,\"unhealthy\":0,\"unhealthyAgents\":[]}"))));

        assertEquals(1.0, figures.getJsonNumber("availability").doubleValue());
        assertEquals(1.0, figures.getJsonNumber("taskSuccess").doubleValue());
        assertEquals(1.0, figures.getJsonNumber("healthIndex").doubleValue());
        assertEquals(0.0, figures.getJsonNumber("utilisation").doubleValue());
    }

    @Test
    void sealRefusesWhenTheStateShiftLeftNoFigures() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> seal.perform(new StageStep(1L, 1, 3, false, Map.of("z88-roll-call", "{\"checked\":1}"))));
        assertTrue(e.getMessage().contains("no figures"), e.getMessage());
    }

    @Test
    void sealStepsBeforeTheLastOnlyConfirmTheFigures() {
        String figures = "{\"step\":9,\"availability\":1.0,\"healthIndex\":1.0}";
        Map<String, String> results = Map.of("z88-state-shift", "{\"step\":8}\n" + figures);

        assertEquals("figures ready to seal (1/3)", seal.perform(new StageStep(1L, 1, 3, false, results)));
        assertEquals("figures ready to seal (2/3)", seal.perform(new StageStep(1L, 2, 3, false, results)));
    }

    @Test
    void sealsLastStepOfADryRunOnlyDescribesTheSeal() {
        String figures = "{\"step\":9,\"availability\":1.0,\"healthIndex\":1.0}";
        Map<String, String> results = Map.of("z88-state-shift", "{\"step\":8}\n" + figures);

        assertEquals("would seal " + figures, seal.perform(new StageStep(1L, 3, 3, true, results)));
    }
}
