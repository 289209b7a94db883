package dev.helix.spirals.model.definition;

/** The kinds of steps a spiral is made of. */
public enum StepType {
    SET_VARIABLE, CREATE_TASK, SEND_MESSAGE, HTTP_CALL, NOTIFY, WAIT, BRANCH
}
