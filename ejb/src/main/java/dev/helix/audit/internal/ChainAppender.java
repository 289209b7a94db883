package dev.helix.audit.internal;

import dev.helix.audit.model.AuditHead;
import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;

/**
 * Appends one record to the audit chain. Appends take turns on the head row's lock; whoever holds it waits for nothing
 * else, because the caller's own changes are written first ({@code flush}) and the record and the head are written
 * before the lock is given up at commit. The chain's end is taken from the records themselves: the head only records
 * how far the chain was extended. Where the head lies behind the last record, the new record follows the last record
 * (no append can collide with records already there); where it lies beyond the last record (records at the end were
 * removed), the new record follows the head, so the gap stays a break that every verification names. A CDI bean,
 * not an EJB, so that a failure reaches the caller as it is.
 */
@ApplicationScoped
public class ChainAppender {

    private static final Logger LOG = Logger.getLogger(ChainAppender.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Appends in the caller's transaction, after the caller's own changes are written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditRecord append(AuditEntry entry) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ONLY);
        em.refresh(head, LockModeType.PESSIMISTIC_WRITE);
        long id = head.getLastId();
        String previous = head.getLastHash();
        List<Object[]> last = em.createQuery("SELECT r.id, r.hash FROM AuditRecord r WHERE r.id = (SELECT MAX(x.id) FROM AuditRecord x)",
                Object[].class).getResultList();
        if (!last.isEmpty() && (long) last.get(0)[0] > id) {
            long behind = id;
            id = (long) last.get(0)[0];
            previous = (String) last.get(0)[1];
            long lastId = id;
            LOG.warning(() -> "The audit chain's head said record " + behind + " but the chain goes on to record " + lastId
                    + ": the new record follows the last one");
        }
        AuditRecord record = new AuditRecord(id + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), entry, previous);
        em.persist(record);
        head.advance(record.getId(), record.getHash());
        em.flush();
        return record;
    }

    /** Appends in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AuditRecord appendAlone(AuditEntry entry) {
        return append(entry);
    }
}
