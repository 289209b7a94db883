package dev.helix.gateway.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helix.shared.error.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasDefinitionTest {

    private static final Deployment A = new Deployment("a", "m1", 1, null);

    @Test
    void defaultsAreAMinutesTimeoutAndNoCache() {
        AliasDefinition checked = new AliasDefinition("fast", List.of(A), null, null, null).checked();
        assertEquals(Duration.ofMinutes(1), checked.timeout());
        assertEquals(Duration.ZERO, checked.cacheTtl());
        assertEquals(List.of(), checked.fallbacks());
    }

    @Test
    void whatCannotBeRoutedIsRefusedByName() {
        assertRefused("alias must be", new AliasDefinition("bad name", List.of(A), null, null, null));
        assertRefused("deployments must list", new AliasDefinition("fast", List.of(), null, null, null));
        assertRefused("deployments[1] repeats a/m1", new AliasDefinition("fast", List.of(A, new Deployment("a", "m1", 2, null)),
                null, null, null));
        assertRefused("deployments[0].weight", new AliasDefinition("fast", List.of(new Deployment("a", "m1", 0, null)), null,
                null, null));
        assertRefused("deployments[0].requestsPerMinute", new AliasDefinition("fast",
                List.of(new Deployment("a", "m1", 1, 0)), null, null, null));
        assertRefused("fallbacks must name", new AliasDefinition("fast", List.of(A), List.of("fast"), null, null));
        assertRefused("fallbacks must name", new AliasDefinition("fast", List.of(A), List.of("cheap", "cheap"), null, null));
        assertRefused("timeout must be", new AliasDefinition("fast", List.of(A), null, Duration.ofMillis(10), null));
        assertRefused("cacheTtl must be", new AliasDefinition("fast", List.of(A), null, null, Duration.ofDays(2)));
    }

    private static void assertRefused(String expected, AliasDefinition definition) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, definition::checked);
        if (!refused.getMessage().startsWith(expected)) {
            throw new AssertionError("expected '" + expected + "...', was: " + refused.getMessage());
        }
    }
}
