package dev.helix.providers.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderTransportTest {

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), ProviderTransport.retryAfter(" 7 "));
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));
        Duration wait = ProviderTransport.retryAfter(inTwoMinutes).orElseThrow();
        assertTrue(wait.compareTo(Duration.ofSeconds(100)) > 0 && wait.compareTo(Duration.ofSeconds(121)) <= 0, wait.toString());
        assertEquals(Optional.of(Duration.ZERO), ProviderTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), ProviderTransport.retryAfter("soon"));
        assertEquals(Optional.empty(), ProviderTransport.retryAfter("-3"));
    }
}
