package dev.helix.rituals.model;


/**
 * A registered stage that rituals are composed of (a CDI bean). Each step of a stage runs in the transaction
 * that also records it, so a ritual resumed after an interruption repeats no step that was recorded done.
 */
public interface RitualStage {

    /** The stage's name, e.g. {@code metrics-rollup}. */
    String name();

    /** What it does, for people composing rituals. */
    String description();

    /** How many steps it takes in a run of {@code runSteps} steps (the Z-88 step count), or on its own. */
    int steps(Integer runSteps);

    /** Performs (or, in a dry run, describes) one step; returns a line for the stage's result. */
    String perform(StageStep step);
}
