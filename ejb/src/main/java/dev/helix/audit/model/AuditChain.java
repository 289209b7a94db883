package dev.helix.audit.model;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hash chain of the audit trail: each record's hash is SHA-256 over the previous record's hash and every
 * field of the record (as a JSON array, so no two different records serialise alike). Altering a field breaks
 * that record's hash; removing or inserting a record breaks the next one's link.
 */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** The action of a record that acknowledges a break. */
    public static final String ACKNOWLEDGE_ACTION = "audit.acknowledge";
    private static final String ACKNOWLEDGED_TARGET = "/api/v1/admin/audit/breaks/";

    private AuditChain() {
    }

    public static String hash(AuditRecord r) {
        JsonArrayBuilder fields = Json.createArrayBuilder().add(r.getPreviousHash()).add(r.getId())
                .add(r.getRecordedAt().toString());
        for (String field : new String[] {r.getActor(), r.getAction(), r.getTarget(), r.getSourceAddress(),
                r.getOutcome().name(), r.getDetail(), r.getBefore(), r.getAfter()}) {
            if (field == null) {
                fields.addNull();
            } else {
                fields.add(field);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(fields.build().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Checks records in chain order, from the start, against the chain's recorded end, and finds every break: a
     * record whose content does not match its hash (altered), one whose link does not match the record before it
     * (a record before it removed, inserted or altered; where ids are missing, the first missing id is named), and
     * records missing at the end (the recorded end lies beyond the last record). A recorded end that lies behind the
     * last record is no break: the records after it are linked, and the next record follows the last one. Breaks
     * acknowledged by a later, unaltered acknowledgement record ({@link #acknowledgement}) are marked so.
     */
    public static ChainVerdict verify(Iterator<AuditRecord> records, long endId, String endHash) {
        String previous = GENESIS;
        long checked = 0;
        long lastId = 0;
        List<ChainBreak> breaks = new ArrayList<>();
        Map<Long, Long> acknowledgements = new HashMap<>();
        while (records.hasNext()) {
            AuditRecord record = records.next();
            if (!record.getPreviousHash().equals(previous)) {
                breaks.add(record.getId() > lastId + 1
                        ? new ChainBreak(lastId + 1, "record " + record.getId() + " links to a record that is missing: "
                                + removed(lastId + 1, record.getId() - 1), null)
                        : new ChainBreak(record.getId(), "its link to the previous record does not match: a record before "
                                + "it was removed, inserted or altered", null));
            }
            if (!hash(record).equals(record.getHash())) {
                breaks.add(new ChainBreak(record.getId(), "its content does not match its hash: it was altered", null));
            } else {
                acknowledged(record).ifPresent(id -> acknowledgements.putIfAbsent(id, record.getId()));
            }
            previous = record.getHash();
            lastId = record.getId();
            checked++;
        }
        if (endId > lastId) {
            breaks.add(new ChainBreak(lastId + 1, "the chain ends at record " + lastId + " but was last extended with record "
                    + endId + ": " + removed(lastId + 1, endId) + " at the end", null));
        }
        return ChainVerdict.of(checked, breaks.stream().map(b -> {
            Long by = acknowledgements.get(b.recordId());
            return by != null && by > b.recordId() ? b.acknowledged(by) : b;
        }).toList());
    }

    /** The target of the record that acknowledges the break at a record. */
    public static String acknowledgement(long brokenId) {
        return ACKNOWLEDGED_TARGET + brokenId;
    }

    private static Optional<Long> acknowledged(AuditRecord record) {
        if (!ACKNOWLEDGE_ACTION.equals(record.getAction()) || record.getOutcome() != Outcome.SUCCESS
                || record.getTarget() == null || !record.getTarget().startsWith(ACKNOWLEDGED_TARGET)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(record.getTarget().substring(ACKNOWLEDGED_TARGET.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String removed(long from, long to) {
        return from == to ? "record " + from + " was removed" : "records " + from + " to " + to + " were removed";
    }
}
