package dev.helix.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void textIsQuotedNumbersAreNotAndNothingIsEmpty() {
        assertEquals("\"say \"\"hi\"\"\",42,-1.5,,\"2026-11-21T10:00:00Z\"\r\n",
                Csv.row(Stream.of("say \"hi\"", 42, -1.5, null, Instant.parse("2026-11-21T10:00:00Z"))));
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertEquals("\"'=HYPERLINK(1)\",\"'+1\",\"'-2\",\"'@x\",\"a=b\"\r\n",
                Csv.row(Stream.of("=HYPERLINK(1)", "+1", "-2", "@x", "a=b")));
    }
}
