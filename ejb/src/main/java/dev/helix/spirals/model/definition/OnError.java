package dev.helix.spirals.model.definition;

/**
 * The error policy of a spiral or of one of its steps.
 *
 * @param policy      what to do
 * @param errorSpiral the spiral to start for {@link ErrorPolicy#ERROR_SPIRAL}, else {@code null}
 */
public record OnError(ErrorPolicy policy, Long errorSpiral) {

    /** Stop at the failed step: the default. */
    public static final OnError STOP = new OnError(ErrorPolicy.STOP, null);
}
