package dev.helix.audit.service;

import dev.helix.audit.internal.AuditHead;
import dev.helix.audit.model.AuditChain;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.AuditQuery;
import dev.helix.audit.model.AuditRecord;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.shared.model.Abbreviation;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The audit trail: appends records to the hash chain, searches them and verifies the chain. An action's record
 * is written in the action's own transaction ({@link #record}), so it exists exactly when the action took effect;
 * refusals and failures, whose transaction rolls back or never was, are written in one of their own
 * ({@link #recordSeparately}).
 */
@Stateless
public class AuditTrail {

    private static final int MAX_TEXT = 8000;

    @PersistenceContext
    EntityManager em;

    /** Appends a record in the caller's transaction: it commits or rolls back with the action. */
    public AuditRecord record(AuditEntry entry) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ONLY, LockModeType.PESSIMISTIC_WRITE);
        AuditRecord record = new AuditRecord(head.getLastId() + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                bounded(entry), head.getLastHash());
        em.persist(record);
        head.advance(record.getId(), record.getHash());
        return record;
    }

    /** Appends a record in a transaction of its own, for refusals and failures. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditRecord recordSeparately(AuditEntry entry) {
        return record(entry);
    }

    public List<AuditRecord> search(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM AuditRecord r WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        condition(jpql, values, "r.actor = ?", query.actor());
        condition(jpql, values, "r.action = ?", query.action());
        condition(jpql, values, "r.target LIKE ?", query.target() == null ? null : query.target() + "%");
        condition(jpql, values, "r.recordedAt >= ?", query.from());
        condition(jpql, values, "r.recordedAt < ?", query.to());
        TypedQuery<AuditRecord> typed = em.createQuery(jpql.append(" ORDER BY r.id DESC").toString(), AuditRecord.class);
        for (int i = 0; i < values.size(); i++) {
            typed.setParameter(i + 1, values.get(i));
        }
        return typed.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    /** Walks the whole chain from its first record; reads it in id order without loading it all at once. */
    public ChainVerdict verify() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ONLY);
        try (Stream<AuditRecord> records = em.createQuery("SELECT r FROM AuditRecord r ORDER BY r.id", AuditRecord.class)
                .setHint("org.hibernate.fetchSize", 500).getResultStream()) {
            return AuditChain.verify(records.peek(em::detach).iterator(), head.getLastId(), head.getLastHash());
        }
    }

    private static void condition(StringBuilder jpql, List<Object> values, String clause, Object value) {
        if (value != null) {
            jpql.append(" AND ").append(clause.replace("?", "?" + (values.size() + 1)));
            values.add(value);
        }
    }

    private static AuditEntry bounded(AuditEntry e) {
        return new AuditEntry(Abbreviation.of(e.actor(), 128), Abbreviation.of(e.action(), 64),
                Abbreviation.of(e.target(), 512), Abbreviation.of(e.sourceAddress(), 64),
                e.outcome(), Abbreviation.of(e.detail(), 1024), Abbreviation.of(e.before(), MAX_TEXT),
                Abbreviation.of(e.after(), MAX_TEXT));
    }
}
