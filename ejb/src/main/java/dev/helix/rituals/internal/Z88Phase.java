package dev.helix.rituals.internal;

import dev.helix.rituals.model.RitualStage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

/**
 * One of the four phases of the Z-88 ritual, the fleet's health cycle. A run of 27, 54, 108 or 216 steps gives
 * the phases 1/9, 4/9, 3/9 and 1/9 of them: invocation 3, roll call 12, state shift 9, seal 3 for 27 steps.
 * Phases report one JSON line per step, which later phases read.
 */
abstract class Z88Phase implements RitualStage {

    static final String INVOCATION = "z88-invocation";
    static final String ROLL_CALL = "z88-roll-call";
    static final String STATE_SHIFT = "z88-state-shift";
    static final String SEAL = "z88-seal";
    private static final int DEFAULT_STEPS = 27;
    private static final int NINTHS = 9;

    private final int ninths;

    Z88Phase(int ninths) {
        this.ninths = ninths;
    }

    @Override
    public int steps(Integer runSteps) {
        return (runSteps == null ? DEFAULT_STEPS : runSteps) / NINTHS * ninths;
    }

    /** The JSON lines a phase reported, parsed. */
    static List<JsonObject> lines(String result) {
        return Arrays.stream(result.split("\n")).filter(l -> l.startsWith("{"))
                .map(l -> Json.createReader(new StringReader(l)).readObject()).toList();
    }
}
