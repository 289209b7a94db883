package dev.helix.metering.internal;

import dev.helix.metering.model.BudgetSubject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Which users and API keys have a budget at all, so that a call of anyone else costs no budget query: read again at
 * most every {@link #FRESH_FOR} (a budget given on another server holds from then on), and at once after a change on
 * this server.
 */
@ApplicationScoped
public class BudgetedSubjects {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    @PersistenceContext
    EntityManager em;

    private volatile Known known;

    private record Known(Set<String> subjects, long readAt) {
    }

    /** Whether the user, or the API key (if any), has a budget. */
    public boolean any(String user, Long keyId) {
        Known current = known;
        if (current == null || System.nanoTime() - current.readAt() >= FRESH_FOR.toNanos()) {
            Set<String> subjects = new HashSet<>();
            em.createQuery("SELECT b.subjectKind, b.subject FROM Budget b", Object[].class).getResultStream()
                    .forEach(row -> subjects.add(key((BudgetSubject) row[0], (String) row[1])));
            current = new Known(Set.copyOf(subjects), System.nanoTime());
            known = current;
        }
        return current.subjects().contains(key(BudgetSubject.USER, user))
                || keyId != null && current.subjects().contains(key(BudgetSubject.KEY, keyId.toString()));
    }

    /** Reads the budgets again at the next question. */
    public void forget() {
        known = null;
    }

    private static String key(BudgetSubject kind, String subject) {
        return kind + ":" + subject;
    }
}
