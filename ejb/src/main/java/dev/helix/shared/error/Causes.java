package dev.helix.shared.error;

import java.util.stream.Stream;

/** A failure and its causes, outermost first: where to look for what a failure really is. */
public final class Causes {

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }
}
