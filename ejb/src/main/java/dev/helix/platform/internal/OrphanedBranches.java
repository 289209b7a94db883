package dev.helix.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Rolls back the two-phase-commit branches a database holds prepared that no transaction manager will settle, whose
 * rows stay locked for good (the task they touched could never move again) until someone does. A server killed
 * after the database prepared its branch, but before Liberty logged a decision, leaves one named nowhere; so may a
 * server that does not come back, or one whose recovery does not get through (seen on PostgreSQL after a kill: the
 * branch outlived the server's restart). With no decision to be had the outcome is a rollback (presumed abort). Should
 * a branch whose transaction was decided for commit be rolled back here, its message side still commits: the order
 * it sent finds its task a step behind and is ignored as stale, and the dispatch watchdog resends the step, so the step
 * is done once, later, and nothing is lost.
 * <ul>
 * <li>Embedded H2, as the application starts ({@link #rollBackAll}): every branch in doubt. An embedded file
 * database has no other server whose live transactions could be in doubt at that moment; Liberty recovers the
 * transactions its log names as the server starts ({@code recoverOnStartup}), some seconds before the application
 * starts (an order of timing, not a guarantee).</li>
 * <li>PostgreSQL, as the application starts and then every minute ({@link #rollBackAbandoned}): the branches of
 * this database prepared longer ago than {@code helix.transactions.abandoned-after} (5 minutes), as other servers'
 * transactions may be in doubt for a moment while they commit, and a transaction manager retries a commit the
 * database could not take every minute.</li>
 * </ul>
 */
public final class OrphanedBranches {

    private static final Logger LOG = Logger.getLogger(OrphanedBranches.class.getName());
    /** PostgreSQL: no prepared transaction of that name (another server rolled it back first). */
    private static final String UNDEFINED_OBJECT = "42704";

    private OrphanedBranches() {
    }

    /**
     * Rolls back every branch an embedded H2 database holds in doubt; nothing on other databases. Trouble is logged,
     * not thrown: the application starts either way (a task whose rows stay locked waits, and the dispatch watchdog
     * keeps trying).
     */
    public static void rollBackAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            List<String> inDoubt = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT transaction_name FROM information_schema.in_doubt")) {
                while (rows.next()) {
                    inDoubt.add(rows.getString(1));
                }
            }
            for (String name : inDoubt) {
                statement.execute("ROLLBACK TRANSACTION \"" + name.replace("\"", "\"\"") + "\"");
                LOG.warning(() -> "Rolled back transaction branch " + name + ", left prepared by a server that stopped "
                        + "mid-commit before deciding its outcome");
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not roll back the transaction branches left in doubt: " + e.getMessage());
        }
    }

    /**
     * Rolls back the branches of a PostgreSQL database prepared longer ago than {@code abandonedAfter}; nothing on
     * other databases. Answers how many it rolled back; trouble is logged, not thrown (the next sweep tries again).
     */
    public static int rollBackAbandoned(DataSource dataSource, Duration abandonedAfter) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return 0;
            }
            Map<String, Instant> abandoned = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT gid, prepared FROM pg_prepared_xacts "
                    + "WHERE database = current_database() AND prepared < now() - make_interval(secs => ?)")) {
                query.setDouble(1, abandonedAfter.toMillis() / 1000.0);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        abandoned.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                    }
                }
            }
            int rolledBack = 0;
            for (Map.Entry<String, Instant> branch : abandoned.entrySet()) {
                if (rollBackPrepared(connection, branch.getKey())) {
                    rolledBack++;
                    LOG.warning(() -> "Rolled back transaction branch " + branch.getKey() + ", prepared at "
                            + branch.getValue() + " and settled by no server since (presumed abort)");
                }
            }
            return rolledBack;
        } catch (SQLException e) {
            LOG.warning(() -> "Could not roll back the transaction branches left in doubt: " + e.getMessage());
            return 0;
        }
    }

    /** Whether this call rolled the branch back (false: it was gone already, settled by another server). */
    private static boolean rollBackPrepared(Connection connection, String gid) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK PREPARED '" + gid.replace("'", "''") + "'");
            return true;
        } catch (SQLException e) {
            if (UNDEFINED_OBJECT.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
