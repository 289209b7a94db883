package dev.helix.memory.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LearningsTest {

    private static final String REQUIREMENTS = """
            # Requirements
            The exporter writes invoices as CSV.
            - Every invoice becomes one row
              - Amounts keep two decimals\s\s
            * not a requirement
            -not a requirement either
            """;

    private static final String PLAN = """
            ## Plan
            - [x] Add the CSV writer
            - [ ] Stream large exports
              - [x]   Cover rounding with tests
            """;

    private static Learnings smooth() {
        return new Learnings("CSV export", "  Export invoices as CSV\nso accounting can import them.\n", REQUIREMENTS,
                PLAN, List.of(), List.of());
    }

    private static String[] lines(NewMemory memory) {
        return memory.text().split("\n");
    }

    @Test
    void aSmoothTaskIsRememberedAsExactlyOneSummary() {
        List<NewMemory> memories = smooth().memories(42);

        assertEquals(1, memories.size());
        NewMemory summary = memories.get(0);
        assertEquals(MemoryKind.TASK_SUMMARY, summary.kind());
        assertEquals("Done \"CSV export\": Export invoices as CSV", lines(summary)[0]);
        assertTrue(summary.text().contains("Export invoices as CSV\nso accounting can import them."), summary.text());
    }

    @Test
    void theSummaryListsTheRequirementsWithoutTheirDashes() {
        String text = smooth().memories(1).get(0).text();

        assertTrue(text.contains("- Every invoice becomes one row\n- Amounts keep two decimals\n"), text);
        assertFalse(text.contains("not a requirement"), text);
        assertFalse(text.contains("The exporter writes invoices as CSV."), text);
    }

    @Test
    void theSummaryListsOnlyTheFinishedPlanItems() {
        String text = smooth().memories(1).get(0).text();

        assertTrue(text.contains("- Add the CSV writer\n"), text);
        assertTrue(text.contains("- Cover rounding with tests\n"), text);
        assertFalse(text.contains("[x]"), text);
        assertFalse(text.contains("Stream large exports"), text);
        assertTrue(text.indexOf("Every invoice becomes one row") < text.indexOf("Add the CSV writer"), text);
    }

    @Test
    void aTaskWithoutRequirementsOrPlanStillGetsASummary() {
        List<NewMemory> memories = new Learnings("Tiny fix", "Fix the typo", null, null, List.of(), List.of())
                .memories(3);

        assertEquals(1, memories.size());
        assertEquals("Done \"Tiny fix\": Fix the typo", lines(memories.get(0))[0]);
        assertFalse(memories.get(0).text().contains("- "), memories.get(0).text());
    }

    @Test
    void failuresAddAResolutionNamingTheLastFailure() {
        Learnings learnings = new Learnings("CSV export", "Export invoices", REQUIREMENTS, PLAN,
                List.of("Compilation failed: missing symbol", "Test InvoiceCsvTest failed\nexpected 2 rows but was 1"),
                List.of());

        List<NewMemory> memories = learnings.memories(7);

        assertEquals(2, memories.size());
        assertEquals(MemoryKind.TASK_SUMMARY, memories.get(0).kind());
        NewMemory resolution = memories.get(1);
        assertEquals(MemoryKind.ERROR_RESOLUTION, resolution.kind());
        String first = lines(resolution)[0];
        assertTrue(first.startsWith("On \"CSV export\""), first);
        assertTrue(first.contains("Test InvoiceCsvTest failed"), first);
        assertFalse(first.contains("Compilation failed"), first);
        assertTrue(resolution.text().contains("2 work step(s) failed"), resolution.text());
        assertTrue(resolution.text().contains("expected 2 rows but was 1"), resolution.text());
    }

    @Test
    void rejectionsAddAResolutionWithEachReviewerComment() {
        Learnings learnings = new Learnings("CSV export", "Export invoices", null, null, List.of(),
                List.of("The spec forgets credit notes", "  Use semicolons for the German locale  "));

        List<NewMemory> memories = learnings.memories(7);

        assertEquals(2, memories.size());
        NewMemory resolution = memories.get(1);
        assertEquals(MemoryKind.ERROR_RESOLUTION, resolution.kind());
        assertEquals("On \"CSV export\" a reviewer rejected the work; resolved, and the task finished.",
                lines(resolution)[0]);
        assertTrue(resolution.text().contains("A reviewer rejected the work: The spec forgets credit notes\n"),
                resolution.text());
        assertTrue(resolution.text().contains("A reviewer rejected the work: Use semicolons for the German locale\n"),
                resolution.text());
        assertFalse(resolution.text().contains("work step(s) failed"), resolution.text());
    }

    @Test
    void aRejectionWithoutCommentIsStillRecorded() {
        Learnings learnings = new Learnings("CSV export", "Export invoices", null, null, List.of(),
                Arrays.asList(" ", null));

        String text = learnings.memories(7).get(1).text();

        assertEquals(2, text.split("A reviewer rejected the work: \\(no comment\\)", -1).length - 1, text);
    }

    @Test
    void failuresAndRejectionsTogetherNameTheFailureAndKeepEveryComment() {
        Learnings learnings = new Learnings("CSV export", "Export invoices", null, null,
                List.of("Timeout after 600 s"), List.of("Too slow for 100k invoices"));

        List<NewMemory> memories = learnings.memories(9);

        assertEquals(2, memories.size());
        NewMemory resolution = memories.get(1);
        assertTrue(lines(resolution)[0].contains("Timeout after 600 s"), resolution.text());
        assertTrue(resolution.text().contains("A reviewer rejected the work: Too slow for 100k invoices"),
                resolution.text());
    }

    @Test
    void theMemoriesBelongToTheTaskAndTheDefaultWorkspace() {
        Learnings learnings = new Learnings("CSV export", "Export invoices", null, null, List.of("boom"),
                List.of("again"));

        List<NewMemory> memories = learnings.memories(1234L);

        assertEquals(2, memories.size());
        for (NewMemory memory : memories) {
            assertEquals(1234L, memory.taskId());
            assertEquals(NewMemory.DEFAULT_WORKSPACE, memory.workspace());
            assertEquals("default", memory.workspace());
        }
    }

    @Test
    void veryLongInputsAreClippedToTheMaximumMemoryLength() {
        String huge = "x".repeat(Memory.MAX_TEXT * 2);
        Learnings learnings = new Learnings("Huge", "Summarise this:\n" + huge, "- " + huge, "- [x] " + huge,
                List.of("Stack overflow\n" + huge), List.of(huge));

        List<NewMemory> memories = learnings.memories(5);

        assertEquals(2, memories.size());
        for (NewMemory memory : memories) {
            assertEquals(Memory.MAX_TEXT, memory.text().length(), memory.kind().toString());
            assertTrue(memory.text().endsWith("…"), memory.kind().toString());
        }
        assertEquals("Done \"Huge\": Summarise this:", lines(memories.get(0))[0]);
        assertTrue(lines(memories.get(1))[0].contains("Stack overflow"));
    }

    @Test
    void aVeryLongFirstLineIsShortenedInTheHeadline() {
        String longLine = "word ".repeat(100).strip();
        Learnings learnings = new Learnings("Long", longLine, null, null, List.of(longLine), List.of());

        List<NewMemory> memories = learnings.memories(5);

        String headline = lines(memories.get(0))[0];
        assertEquals("Done \"Long\": " + longLine.substring(0, 159) + "…", headline);
        assertTrue(memories.get(0).text().contains("Asked: " + longLine), memories.get(0).text());
        assertTrue(lines(memories.get(1))[0].contains(longLine.substring(0, 159) + "…"), memories.get(1).text());
    }

    @Test
    void textIsNeverCutInsideACharacter() {
        String emoji = "\uD83D\uDE00";
        Learnings learnings = new Learnings("Smiles", emoji.repeat(100), null, null, List.of(), List.of(emoji.repeat(9000)));

        for (NewMemory memory : learnings.memories(5)) {
            for (String line : lines(memory)) {
                int cut = line.indexOf('…');
                assertTrue(cut < 1 || !Character.isHighSurrogate(line.charAt(cut - 1)), line);
            }
            assertTrue(memory.text().length() <= Memory.MAX_TEXT);
        }
    }

    @Test
    void atMostTwelveRequirementsAreListed() {
        String requirements = IntStream.rangeClosed(1, 20).mapToObj(i -> "- Requirement " + i + "\n")
                .reduce("", String::concat);
        String text = new Learnings("Many", "Do many things", requirements, null, List.of(), List.of())
                .memories(1).get(0).text();

        assertTrue(text.contains("- Requirement 12\n"), text);
        assertFalse(text.contains("Requirement 13"), text);
    }
}
