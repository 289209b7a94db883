package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test server's audit tables reached directly in its database, as an intruder or a broken disk would: to alter
 * a record, move the chain's head, or make the database refuse new records.
 */
final class AuditDatabase implements AutoCloseable {

    private final Connection db;

    private AuditDatabase(Connection db) {
        this.db = db;
    }

    static AuditDatabase open() throws SQLException {
        return new AuditDatabase(DriverManager.getConnection(System.getProperty("helix.it.db.url"), "sa", ""));
    }

    void setActor(long id, String actor) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE audit_record SET actor = ? WHERE id = ?")) {
            update.setString(1, actor);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Moves the chain's head back by some records, as a lost head update would leave it; answers the last record's id. */
    long setHeadBack(int records) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE audit_head SET last_id = last_id - ?, "
                + "last_hash = (SELECT r.record_hash FROM audit_record r WHERE r.id = audit_head.last_id - ?) WHERE id = 1")) {
            update.setInt(1, records);
            update.setInt(2, records);
            assertEquals(1, update.executeUpdate());
        }
        try (Statement last = db.createStatement(); ResultSet result = last.executeQuery("SELECT MAX(id) FROM audit_record")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Makes the database refuse new audit records (a constraint that existing rows need not meet), or stop refusing. */
    void refuseNewRecords(boolean refuse) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(refuse ? "ALTER TABLE audit_record ADD CONSTRAINT it_refuse_new_records CHECK (id < 0) NOCHECK"
                    : "ALTER TABLE audit_record DROP CONSTRAINT it_refuse_new_records");
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
