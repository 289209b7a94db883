package dev.helix.shared.error;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * A change lost a race with another change of the same thing (the other came first, or the two waited on each
 * other): nothing was changed, and the client may read again and retry. A 409 problem, never a 500.
 */
public class ConcurrentChangeException extends ConflictException {

    /** SQL states of a lost race: unique key taken, deadlock, serialization failure, lock wait timed out (H2). */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01", "HYT00", "55P03");
    /** Exception types, by simple name, that the persistence provider raises for a lost race. */
    private static final Set<String> RACE_TYPES = Set.of("OptimisticLockException", "PessimisticLockException",
            "LockTimeoutException", "EntityExistsException", "StaleObjectStateException", "StaleStateException");

    public ConcurrentChangeException() {
        super("Someone else changed this at the same time, so this change was not made; read it again and retry");
    }

    @Override
    public String problemType() {
        return "concurrent-change";
    }

    @Override
    public String title() {
        return "Changed concurrently";
    }

    /** Writes the persistence context's pending changes now; a change that lost a race fails as this exception. */
    public static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw causing(e).orElseThrow(() -> e);
        }
    }

    /** The lost race that caused a failure, if that is what it was. */
    public static Optional<ConcurrentChangeException> causing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RACE_STATES.contains(sql.getSQLState())
                    || RACE_TYPES.contains(t.getClass().getSimpleName())) {
                return Optional.of(new ConcurrentChangeException());
            }
        }
        return Optional.empty();
    }
}
