package dev.helix.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Branches left prepared in a real PostgreSQL: those older than the limit are rolled back, their rows free again and
 * their changes gone; a young one (another server may be committing it) is left alone; two servers sweeping at once
 * roll each branch back once, neither failing.
 */
class OrphanedBranchesTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static LocalPostgres postgres;
    private static PGSimpleDataSource database;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
        database = new PGSimpleDataSource();
        database.setUrl(postgres.newDatabase("branches"));
        database.setUser(LocalPostgres.user());
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO item VALUES (1, 'first'), (2, 'second'), (3, 'third')");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void branchesPreparedLongerAgoThanTheLimitAreRolledBackOnceAndYoungOnesKept() throws Exception {
        prepare("old-1", "UPDATE item SET name = 'changed' WHERE id = 1");
        prepare("old-2", "UPDATE item SET name = 'changed' WHERE id = 2");
        Thread.sleep(LIMIT.plusMillis(500).toMillis());
        prepare("young", "UPDATE item SET name = 'changed' WHERE id = 3");

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> OrphanedBranches.rollBackAbandoned(database, LIMIT));
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> OrphanedBranches.rollBackAbandoned(database, LIMIT));

        assertEquals(2, one.get() + other.get(), "each old branch rolled back by one of the two sweeps");
        assertEquals(List.of("young"), postgres.strings("branches", "SELECT gid FROM pg_prepared_xacts"));
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '1s'");
            assertEquals(2, statement.executeUpdate("UPDATE item SET name = name || '!' WHERE id IN (1, 2)"),
                    "the rows are free again");
        }
        assertEquals(List.of("first!", "second!", "third"), postgres.strings("branches", "SELECT name FROM item ORDER BY id"));

        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK PREPARED 'young'");
        }
    }

    private static void prepare(String name, String change) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute(change);
            statement.execute("PREPARE TRANSACTION '" + name + "'");
        }
    }
}
