package dev.helix.platform.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.testing.LocalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Helix's migrations, as the server applies them, on both databases it runs on: the embedded H2 (in PostgreSQL mode)
 * and a real PostgreSQL. Every migration applies on each; the one written per database (the usage records' id
 * sequence) starts past the records written before it, as an upgrade finds them.
 */
class DatabaseMigrationsTest {

    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void everyMigrationAppliesOnPostgreSql() throws SQLException {
        Flyway flyway = flyway(postgres.newDatabase("fresh"), LocalPostgres.user());

        MigrateResult result = flyway.migrate();

        assertTrue(result.success);
        assertEveryVersionApplied(flyway);
        assertEquals(0, flyway.migrate().migrationsExecuted, "and a second start applies nothing");
    }

    @Test
    void everyMigrationAppliesOnH2() throws SQLException {
        Flyway flyway = flyway(h2("fresh"), "sa");

        flyway.migrate();

        assertEveryVersionApplied(flyway);
    }

    /** Versions 1 to the newest, none missing (a script of one database only, not found, would leave a gap). */
    private static void assertEveryVersionApplied(Flyway flyway) {
        assertEquals(0, flyway.info().pending().length);
        List<String> applied = Arrays.stream(flyway.info().applied()).map(m -> m.getVersion().getVersion()).toList();
        assertEquals(IntStream.rangeClosed(1, applied.size()).mapToObj(Integer::toString).toList(), applied);
        assertTrue(applied.size() >= 24, "the migrations up to the chat links at least: " + applied);
    }

    @Test
    void usageRecordIdsStartPastTheRecordsOfAnUpgradedPostgreSql() throws SQLException {
        String url = postgres.newDatabase("upgraded");
        assertEquals(1234 + 50, firstIdDrawnAfterAnUpgrade(url, LocalPostgres.user()));
    }

    @Test
    void usageRecordIdsStartPastTheRecordsOfAnUpgradedH2() throws SQLException {
        assertEquals(1234 + 50, firstIdDrawnAfterAnUpgrade(h2("upgraded"), "sa"));
    }

    /** Migrates to the last version before the sequence, writes record 1234, migrates the rest and draws an id. */
    private static long firstIdDrawnAfterAnUpgrade(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            Flyway.configure().dataSource(url, user, "").locations(DatabaseMigrator.locations(connection))
                    .target(MigrationVersion.fromVersion("21")).load().migrate();
            statement.execute("INSERT INTO usage_record (id, at, usage_day, source, username, model, prompt_tokens, "
                    + "completion_tokens, total_tokens, estimated, cache_hit, streamed, status, latency_ms) VALUES (1234, "
                    + "CURRENT_TIMESTAMP, CURRENT_DATE, 'GATEWAY', 'ana', 'fast', 1, 1, 2, FALSE, FALSE, FALSE, 200, 3)");
            flyway(url, user).migrate();
            try (ResultSet next = statement.executeQuery("SELECT nextval('usage_record_seq')")) {
                next.next();
                return next.getLong(1);
            }
        }
    }

    private static Flyway flyway(String url, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            return Flyway.configure().dataSource(url, user, "").locations(DatabaseMigrator.locations(connection)).load();
        }
    }

    private static String h2(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
