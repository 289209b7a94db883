package dev.helix.audit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditRecord> chainOf(int length) {
        List<AuditRecord> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            AuditRecord record = new AuditRecord(i, Instant.parse("2026-11-21T10:00:00.123Z").plusSeconds(i),
                    new AuditEntry("dana", "task.create", "/api/v1/tasks/" + i, "10.0.0.7", Outcome.SUCCESS, null,
                            null, "{\"status\":\"BACKLOG\"}"), previous);
            chain.add(record);
            previous = record.getHash();
        }
        return chain;
    }

    private static ChainVerdict verify(List<AuditRecord> chain, long endId, String endHash) {
        return AuditChain.verify(chain.iterator(), endId, endHash);
    }

    private static void alter(AuditRecord record, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditRecord.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(record, value);
    }

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditRecord> chain = chainOf(5);
        ChainVerdict verdict = verify(chain, 5, chain.get(4).getHash());
        assertTrue(verdict.intact(), verdict::toString);
        assertEquals(5, verdict.checked());
        assertTrue(verify(List.of(), 0, AuditChain.GENESIS).intact(), "an empty trail is intact");
    }

    @Test
    void anAlteredFieldBreaksThatRecord() throws ReflectiveOperationException {
        List<AuditRecord> chain = chainOf(5);
        alter(chain.get(2), "actor", "mallory");
        ChainVerdict verdict = verify(chain, 5, chain.get(4).getHash());
        assertFalse(verdict.intact());
        assertEquals(3L, verdict.firstBrokenId());
        assertTrue(verdict.reason().contains("altered"), verdict.reason());
        assertEquals(1, verdict.breaks().size(), "the next record's link still matches the stored hash: " + verdict);
    }

    @Test
    void removedRecordsAreNamedByTheFirstMissingId() {
        List<AuditRecord> chain = chainOf(6);
        String end = chain.get(5).getHash();
        chain.remove(2);
        chain.remove(1);
        ChainVerdict verdict = verify(chain, 6, end);
        assertEquals(ChainVerdict.State.BROKEN, verdict.state());
        assertEquals(2L, verdict.firstBrokenId());
        assertTrue(verdict.reason().contains("records 2 to 3 were removed"), verdict.reason());
        assertEquals(1, verdict.breaks().size(), verdict::toString);
    }

    @Test
    void recordsCutFromTheEndAreNoticedThroughTheHeadAndStayNamedOnceTheChainGoesOn() {
        List<AuditRecord> chain = chainOf(5);
        String end = chain.get(4).getHash();
        ChainVerdict cut = verify(chain.subList(0, 3), 5, end);
        assertFalse(cut.intact());
        assertEquals(4L, cut.firstBrokenId());
        assertTrue(cut.reason().contains("records 4 to 5 were removed at the end"), cut.reason());

        List<AuditRecord> goneOn = new ArrayList<>(chain.subList(0, 3));
        AuditRecord next = new AuditRecord(6, Instant.parse("2026-11-21T11:00:00Z"), entry("task.create"), end);
        goneOn.add(next);
        ChainVerdict later = verify(goneOn, 6, next.getHash());
        assertEquals(4L, later.firstBrokenId(), "the same break, by the same id, after the next record");
        assertTrue(later.reason().contains("records 4 to 5 were removed"), later.reason());
    }

    @Test
    void aHeadBehindTheLastRecordIsNoBreak() {
        List<AuditRecord> chain = chainOf(5);
        ChainVerdict verdict = verify(chain, 3, chain.get(2).getHash());
        assertTrue(verdict.intact(), verdict::toString);
        assertEquals(ChainVerdict.State.INTACT, verdict.state());
    }

    @Test
    void everyBreakIsListedAndALaterAcknowledgementMarksItWithoutHidingIt() throws ReflectiveOperationException {
        List<AuditRecord> chain = chainOf(4);
        alter(chain.get(1), "actor", "mallory");
        alter(chain.get(3), "detail", "changed");
        ChainVerdict broken = verify(chain, 4, chain.get(3).getHash());
        assertEquals(List.of(2L, 4L), broken.breaks().stream().map(ChainBreak::recordId).toList());
        assertEquals(ChainVerdict.State.BROKEN, broken.state());

        AuditRecord first = append(chain, AuditChain.acknowledgement(2), Outcome.SUCCESS);
        ChainVerdict half = verify(chain, first.getId(), first.getHash());
        assertEquals(ChainVerdict.State.BROKEN, half.state(), "record 4 is still unacknowledged");
        assertEquals(first.getId(), half.breaks().get(0).acknowledgedBy());
        assertEquals(4L, half.firstUnacknowledged().recordId());

        append(chain, AuditChain.acknowledgement(4), Outcome.FAILURE);
        AuditRecord second = append(chain, AuditChain.acknowledgement(4), Outcome.SUCCESS);
        ChainVerdict acknowledged = verify(chain, second.getId(), second.getHash());
        assertEquals(ChainVerdict.State.ACKNOWLEDGED, acknowledged.state());
        assertFalse(acknowledged.intact(), "an acknowledged break stays a break");
        assertEquals(2L, acknowledged.firstBrokenId());
        assertEquals(second.getId(), acknowledged.breaks().get(1).acknowledgedBy(), "a failed acknowledgement counts for nothing");
    }

    @Test
    void anAcknowledgementThatWasItselfAlteredCountsForNothing() throws ReflectiveOperationException {
        List<AuditRecord> chain = chainOf(3);
        alter(chain.get(1), "actor", "mallory");
        AuditRecord acknowledgement = append(chain, AuditChain.acknowledgement(2), Outcome.SUCCESS);
        alter(acknowledgement, "after", "{\"reason\":\"nothing to see\"}");
        ChainVerdict verdict = verify(chain, acknowledgement.getId(), acknowledgement.getHash());
        assertEquals(ChainVerdict.State.BROKEN, verdict.state());
        assertEquals(List.of(2L, 4L), verdict.breaks().stream().map(ChainBreak::recordId).toList());
        assertEquals(null, verdict.breaks().get(0).acknowledgedBy());
    }

    private static AuditEntry entry(String action) {
        return new AuditEntry("dana", action, "/api/v1/tasks/1", "10.0.0.7", Outcome.SUCCESS, null, null, null);
    }

    private static AuditRecord append(List<AuditRecord> chain, String target, Outcome outcome) {
        AuditRecord last = chain.get(chain.size() - 1);
        AuditRecord record = new AuditRecord(last.getId() + 1, last.getRecordedAt().plusSeconds(1), new AuditEntry("root",
                AuditChain.ACKNOWLEDGE_ACTION, target, "10.0.0.1", outcome, null, null, "{\"reason\":\"restored from backup\"}"),
                last.getHash());
        chain.add(record);
        return record;
    }

    @Test
    void theHashCoversEveryFieldIncludingNulls() throws ReflectiveOperationException {
        AuditRecord record = chainOf(1).get(0);
        String original = AuditChain.hash(record);
        alter(record, "detail", "");
        assertNotEquals(original, AuditChain.hash(record), "null and empty must hash differently");
        alter(record, "detail", null);
        alter(record, "outcome", Outcome.DENIED);
        assertNotEquals(original, AuditChain.hash(record));
    }
}
