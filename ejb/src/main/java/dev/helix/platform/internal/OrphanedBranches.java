package dev.helix.platform.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Rolls back the two-phase-commit branches that a server killed mid-commit left prepared in the embedded H2
 * database. Liberty recovers the transactions its log names. A transaction killed after the database prepared its
 * branch, but before Liberty logged a decision, is named nowhere: H2 keeps that branch prepared, and its rows locked,
 * for good, so the task it touched can never move again. With no decision logged the outcome is a rollback
 * (presumed abort). This runs as the application starts, before any transaction of its own. Liberty recovers the
 * transactions its log names as the server starts ({@code recoverOnStartup} in server.xml), some seconds before the
 * application starts; that order is one of timing, not a guarantee. Should a branch Liberty is about to commit be
 * rolled back here, its message side still commits: the order it sent finds its task a step behind and is ignored as
 * stale, and the dispatch watchdog resends the step, so the step is done once, later, and nothing is lost. Only H2 is
 * handled: an embedded file database has no other server whose live transactions could be in doubt at that moment.
 */
public final class OrphanedBranches {

    private static final Logger LOG = Logger.getLogger(OrphanedBranches.class.getName());

    private OrphanedBranches() {
    }

    /**
     * Rolls back every branch H2 holds in doubt. Trouble is logged, not thrown: the application starts either way (a
     * task whose rows stay locked waits, and the dispatch watchdog keeps trying).
     */
    public static void rollBack(DataSource dataSource) {
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
}
