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
    }

    @Test
    void aRemovedRecordBreaksTheNextOnesLink() {
        List<AuditRecord> chain = chainOf(5);
        String end = chain.get(4).getHash();
        chain.remove(1);
        ChainVerdict verdict = verify(chain, 5, end);
        assertEquals(3L, verdict.firstBrokenId());
        assertTrue(verdict.reason().contains("removed"), verdict.reason());
    }

    @Test
    void recordsCutFromTheEndAreNoticedThroughTheHead() {
        List<AuditRecord> chain = chainOf(5);
        String end = chain.get(4).getHash();
        ChainVerdict verdict = verify(chain.subList(0, 4), 5, end);
        assertFalse(verdict.intact());
        assertTrue(verdict.reason().contains("records at the end were removed"), verdict.reason());
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
