package dev.helix.analytics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricCursorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:30:20Z");

    @Test
    void aCursorGrowsByItsReadingsAndStartsOverFromALowerOne() {
        MetricCursor cursor = new MetricCursor("steps", 10, NOW);
        assertEquals(5, cursor.advance(15, NOW.plusSeconds(15)));
        assertEquals(0, cursor.advance(3, NOW.plusSeconds(30)), "a total that fell (agents removed) grew by nothing");
        assertEquals(4, cursor.advance(7, NOW.plusSeconds(45)), "and grows from the lower total on");
        assertEquals(7, cursor.getReading());
    }
}
