package dev.helix.shared.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The database out of reach (stopped, restarting, the network to it down, no connection to be had), told from a
 * failure by a connection error among its causes, by its type or its SQL state: not a fault of the request or of
 * Helix, but an outage to be answered with "try again shortly".
 */
public final class ConnectionLoss {

    /** PostgreSQL: terminated by an administrator, by a crash of another process, not accepting connections yet. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");

    private ConnectionLoss() {
    }

    /** Whether the failure, or any of its causes, is a lost or refused database connection. */
    public static boolean among(Throwable failure) {
        return Causes.of(failure).anyMatch(ConnectionLoss::is);
    }

    /** Whether this one throwable (not its causes) is a lost or refused database connection. */
    public static boolean is(Throwable t) {
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
