package dev.helix.analytics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeriesQueryTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:30:20Z");

    @Test
    void aMissingRangeIsTheResolutionsDefaultUpToNow() {
        SeriesQuery query = SeriesQuery.of(null, null, Resolution.MINUTE, 0, null, NOW);
        assertEquals(NOW, query.to());
        assertEquals(NOW.minusSeconds(3600), query.from());
        assertEquals(ForecastMethod.HOLT, query.method());
        assertEquals(61, query.buckets(), "from 09:30 to 10:30:20 is 61 started minutes");
        assertEquals(NOW.minusSeconds(2 * 86400), SeriesQuery.of(null, null, Resolution.HOUR, 0, null, NOW).from());
    }

    @Test
    void badRangesAndForecastsAreRefusedWithTheReason() {
        assertThrows(InvalidInputException.class, () -> SeriesQuery.of(NOW, NOW, Resolution.MINUTE, 0, null, NOW));
        assertThrows(InvalidInputException.class,
                () -> SeriesQuery.of(NOW.minusSeconds(86400 * 8), null, Resolution.MINUTE, 0, null, NOW));
        assertThrows(InvalidInputException.class, () -> SeriesQuery.of(null, null, Resolution.DAY, -1, null, NOW));
        assertThrows(InvalidInputException.class,
                () -> SeriesQuery.of(null, null, Resolution.DAY, SeriesQuery.MAX_HORIZON + 1, null, NOW));
        InvalidInputException resolution = assertThrows(InvalidInputException.class, () -> Resolution.parse("week"));
        assertEquals("resolution must be one of minute, hour, day (was 'week')", resolution.getMessage());
        assertThrows(InvalidInputException.class, () -> ForecastMethod.parse("magic"));
        assertThrows(NotFoundException.class, () -> Metric.named("no.such.series"));
        assertEquals(Resolution.HOUR, Resolution.parse("HOUR"));
        assertEquals(Metric.TASKS_CREATED, Metric.named("tasks.created"));
    }
}
