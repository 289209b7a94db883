package dev.helix.audit.service;

import dev.helix.audit.model.AuditHead;
import dev.helix.audit.internal.ChainAppender;
import dev.helix.audit.model.AuditChain;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.AuditQuery;
import dev.helix.audit.model.AuditRecord;
import dev.helix.audit.model.AuditUnavailableException;
import dev.helix.shared.error.ConnectionLoss;
import dev.helix.audit.model.ChainBreak;
import dev.helix.audit.model.ChainVerdict;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.error.ConcurrentChangeException;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The audit trail: appends records to the hash chain ({@link ChainAppender}), searches them, verifies the chain and
 * takes administrators' acknowledgements of its breaks. An action's record is written in the action's own
 * transaction ({@link #record}), so it exists exactly when the action took effect, and an action whose record cannot
 * be written fails with a 503. Refusals, failures and sign-ins are written in a transaction of their own
 * ({@link #recordSeparately}); when that fails, the failure is logged and reported ({@link ChainMonitor}) and the caller
 * goes on, so that a refusal is still answered as one.
 */
@Stateless
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final int MAX_TEXT = 8000;

    @PersistenceContext
    EntityManager em;

    @Inject
    ChainAppender appender;

    @Inject
    ChainMonitor monitor;

    /** Appends a record in the caller's transaction: it commits or rolls back with the action. */
    public AuditRecord record(AuditEntry entry) {
        ConcurrentChangeException.flush(em); // the action's own changes first: where they fail, the action fails
        try {
            AuditRecord record = appender.append(bounded(entry));
            monitor.appended();
            return record;
        } catch (PersistenceException e) {
            monitor.appendFailed(e);
            if (ConnectionLoss.among(e)) {
                throw e; // the database is out of reach, for the action as much as for its record
            }
            throw new AuditUnavailableException();
        }
    }

    /** Appends a record in a transaction of its own, for refusals, failures and sign-ins; never fails its caller. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void recordSeparately(AuditEntry entry) {
        try {
            appender.appendAlone(bounded(entry));
            monitor.appended();
        } catch (RuntimeException e) {
            monitor.appendFailed(e);
            LOG.log(Level.SEVERE, "The audit record of " + entry.action() + " by " + entry.actor() + " on " + entry.target()
                    + " (" + entry.outcome() + ") could not be written", e);
        }
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

    /**
     * Walks the whole chain from its first record, reading it in id order without loading it all at once, and reports
     * the verdict to this server's chain monitor (health, alerts).
     */
    public ChainVerdict verify() {
        AuditHead head = em.find(AuditHead.class, AuditHead.ONLY);
        ChainVerdict verdict;
        try (Stream<AuditRecord> records = em.createQuery("SELECT r FROM AuditRecord r ORDER BY r.id", AuditRecord.class)
                .setHint("org.hibernate.fetchSize", 500).getResultStream()) {
            verdict = AuditChain.verify(records.peek(em::detach).iterator(), head.getLastId(), head.getLastHash());
        }
        monitor.verified(verdict);
        return verdict;
    }

    /**
     * The break at a record, for an administrator to acknowledge: the chain is verified again and the record must be
     * a break that no one has acknowledged yet. The acknowledgement itself is the audited action's own record, with
     * the target {@link AuditChain#acknowledgement}.
     *
     * @throws NotFoundException when there is no break at the record
     * @throws ConflictException when the break was acknowledged already
     */
    public ChainBreak unacknowledgedBreak(long recordId) {
        ChainBreak found = verify().breaks().stream().filter(b -> b.recordId() == recordId).findFirst()
                .orElseThrow(() -> new NotFoundException("Break of the audit chain at record", recordId));
        if (found.acknowledgedBy() != null) {
            throw new ConflictException("The break at record " + recordId + " was acknowledged in record " + found.acknowledgedBy());
        }
        return found;
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
