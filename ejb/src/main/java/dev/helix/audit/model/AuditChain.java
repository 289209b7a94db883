package dev.helix.audit.model;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The hash chain of the audit trail: each record's hash is SHA-256 over the previous record's hash and every
 * field of the record (as a JSON array, so no two different records serialise alike). Altering a field breaks
 * that record's hash; removing or inserting a record breaks the next one's link.
 */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

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
     * Checks records in chain order, from the start, against the chain's recorded end: the first record whose
     * stored hash or link does not match, or the end that does not match the last record.
     */
    public static ChainVerdict verify(Iterator<AuditRecord> records, long endId, String endHash) {
        String previous = GENESIS;
        long checked = 0;
        long lastId = 0;
        while (records.hasNext()) {
            AuditRecord record = records.next();
            Optional<String> broken = !record.getPreviousHash().equals(previous)
                    ? Optional.of("its link to the previous record does not match: a record before it was removed, "
                            + "inserted or altered")
                    : !hash(record).equals(record.getHash())
                            ? Optional.of("its content does not match its hash: it was altered") : Optional.empty();
            if (broken.isPresent()) {
                return ChainVerdict.broken(checked, record.getId(), broken.get());
            }
            previous = record.getHash();
            lastId = record.getId();
            checked++;
        }
        if (lastId != endId || !previous.equals(endHash)) {
            return ChainVerdict.broken(checked, endId, "the chain ends at record " + lastId
                    + " but was last extended with record " + endId + ": records at the end were removed");
        }
        return ChainVerdict.intact(checked);
    }
}
