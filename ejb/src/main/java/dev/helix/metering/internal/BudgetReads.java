package dev.helix.metering.internal;

import dev.helix.metering.model.Budget;
import dev.helix.metering.model.BudgetSubject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The budgets' reads, each in a transaction: the caller's, or one of its own (a gateway call is checked without one,
 * and the data source wants one around every read outside a request's own scope).
 */
@ApplicationScoped
public class BudgetReads {

    @PersistenceContext
    EntityManager em;

    /** Each budget's subject, as {@code KIND:subject}. */
    @Transactional
    public Set<String> subjects() {
        return em.createQuery("SELECT b.subjectKind, b.subject FROM Budget b", Object[].class).getResultStream()
                .map(row -> subject((BudgetSubject) row[0], (String) row[1])).collect(Collectors.toUnmodifiableSet());
    }

    /** The budgets of the user and of the API key (if any), oldest first. */
    @Transactional
    public List<Budget> ofCaller(String user, Long keyId) {
        return em.createQuery("SELECT b FROM Budget b WHERE (b.subjectKind = :userKind AND b.subject = :user) "
                        + "OR (b.subjectKind = :keyKind AND b.subject = :key) ORDER BY b.id", Budget.class)
                .setParameter("userKind", BudgetSubject.USER).setParameter("user", user)
                .setParameter("keyKind", BudgetSubject.KEY).setParameter("key", keyOf(keyId)).getResultList();
    }

    /** A key's subject: its id as text; no key matches nothing. */
    public static String keyOf(Long keyId) {
        return keyId == null ? "" : keyId.toString();
    }

    static String subject(BudgetSubject kind, String subject) {
        return kind + ":" + subject;
    }
}
