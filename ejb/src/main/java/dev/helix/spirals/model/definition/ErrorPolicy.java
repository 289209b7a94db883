package dev.helix.spirals.model.definition;

/** What a run does when a step has failed its last attempt. */
public enum ErrorPolicy {
    /** The run fails at the step; a restart resumes there. */
    STOP,
    /** The step is marked failed and the run goes on with the next one. */
    CONTINUE,
    /** The run fails at the step and starts the named error spiral with the failure as its input. */
    ERROR_SPIRAL
}
