package dev.helix.web.api.problems;

import java.util.stream.Stream;

/** A failure and its causes, outermost first: where the problem mappers look for what a failure really is. */
final class Causes {

    private Causes() {
    }

    static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }
}
