package dev.helix.shared.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PositiveDurationTest {

    private static final Duration FALLBACK = Duration.ofMinutes(3);

    @Test
    void aPositiveSettingIsKept() {
        assertEquals(Duration.ofSeconds(5), PositiveDuration.orDefault(Duration.ofSeconds(5), FALLBACK));
        assertEquals(Duration.ofMillis(1), PositiveDuration.checked("helix.x", Duration.ofMillis(1), FALLBACK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT5S", "-PT1M"})
    void aSettingThatIsNotPositiveFallsBackToTheDefaultAndIsReported(String configured) {
        List<String> reported = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                reported.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(PositiveDuration.class.getName());
        logger.addHandler(capture);
        try {
            assertEquals(FALLBACK, PositiveDuration.checked("helix.dispatch.stall-after", Duration.parse(configured), FALLBACK));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.of("SEVERE helix.dispatch.stall-after must be positive, not " + Duration.parse(configured)
                + "; using PT3M"), reported);
    }
}
