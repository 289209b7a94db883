package dev.helix.platform.inbound;

import dev.helix.platform.internal.OrphanedBranches;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Readies the database when the application starts: rolls back the transaction branches a killed server left
 * prepared in the embedded H2 database ({@link OrphanedBranches}), then applies the Flyway migrations of the db-migrations module: the common
 * ones and those of the database in use ({@link #locations}).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "jdbc/helix")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        OrphanedBranches.rollBackAll(dataSource);
        String[] locations;
        try (Connection connection = dataSource.getConnection()) {
            locations = locations(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to migrate it: " + e.getMessage(), e);
        }
        MigrateResult result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                .load()
                .migrate();
        // Flyway names a target version only when it applied something; otherwise the schema stayed where it was.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
    }

    /**
     * Where the migrations for the connection's database are: the scripts every database runs, and the few written
     * for H2 or for PostgreSQL alone, where a statement has no form both accept.
     */
    public static String[] locations(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String vendor;
        if (product.contains("postgres")) {
            vendor = "postgresql";
        } else if (product.contains("h2")) {
            vendor = "h2";
        } else {
            throw new IllegalStateException("Helix runs on H2 or PostgreSQL, not on " + product);
        }
        return new String[] {"classpath:db/migration", "classpath:db/vendor/" + vendor};
    }
}
