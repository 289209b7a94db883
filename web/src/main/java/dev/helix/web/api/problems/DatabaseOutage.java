package dev.helix.web.api.problems;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure is the database being out of reach (stopped, restarting, the network to it down, no connection to
 * be had) rather than a fault of the request or of Helix: a connection error anywhere among its causes, by its type
 * or its SQL state (class 08, or PostgreSQL's shutting down and starting up).
 */
public final class DatabaseOutage {

    /** When to try again, in seconds ({@code Retry-After}). */
    public static final int RETRY_SECONDS = 5;
    /** What the problem's detail says. */
    public static final String DETAIL = "Helix cannot reach its database at the moment, so this request was not carried "
            + "out; try again shortly";

    /** PostgreSQL: terminated by an administrator, by a crash of another process, not accepting connections yet. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** Whether the failure, or one of its causes, is the database out of reach. */
    public static boolean isCauseOf(Throwable failure) {
        return Causes.of(failure).anyMatch(DatabaseOutage::isOutage);
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState());
        }
        return false;
    }
}
