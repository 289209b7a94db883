package dev.helix.platform.service;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Waits for Helix's database to answer again. A message listener whose work failed because the database was out of
 * reach waits here before its message goes back to the queue, so that an outage costs a work order one delivery
 * rather than every delivery it has (and then its task) within seconds; waiting listeners also take no more messages
 * meanwhile. Asks outside any transaction, once a second; a statement rather than a validity check, so that the pool
 * learns of connections the outage broke and replaces them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseWait {

    private static final long PAUSE_MILLIS = 1000;
    /** How long one question may take: a statement on a connection the network dropped would otherwise never end. */
    private static final int QUESTION_SECONDS = 5;

    @Resource(lookup = "jdbc/helix")
    DataSource dataSource;

    /** Waits until the database answers, or at most this long; whether it answers. */
    public boolean awaitAnswer(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!answers()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUESTION_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
