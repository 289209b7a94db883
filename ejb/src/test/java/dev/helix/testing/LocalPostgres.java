package dev.helix.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of Debian's packages ({@code apt-get install postgresql}), started in a temporary folder for
 * the tests (on a free port, or the one asked for) and removed with all its data when closed. Its user
 * {@code helix} signs in without a password from this machine. Run by the {@code postgres} user when the tests run
 * as root, which PostgreSQL refuses to be. Shared with the integration tests (the ejb module's test jar).
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String USER = "helix";

    private final Path bin;
    private final Path home;
    private final int port;

    private LocalPostgres(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    /**
     * Starts a server on a free port: one found free may be taken by another program before the server binds it, so
     * a few are tried.
     */
    public static LocalPostgres start() throws IOException, InterruptedException {
        IllegalStateException failed = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            try {
                return start(port);
            } catch (IllegalStateException e) {
                failed = e;
            }
        }
        throw failed;
    }

    /** Starts a server on the port. */
    public static LocalPostgres start(int port) throws IOException, InterruptedException {
        Path bin = installed();
        Path home = Files.createTempDirectory("helix-postgres");
        LocalPostgres server = new LocalPostgres(bin, home, port);
        try {
            if (asRoot()) {
                run(List.of("chown", "postgres", home.toString()));
            }
            server.pg("initdb", "-D", home.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
            server.startAgain();
            return server;
        } catch (IllegalStateException e) {
            server.close();
            throw e;
        }
    }

    /** Stops the server as an administrator would (its clients are disconnected); its data stays. */
    public void stop() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /**
     * Stops the server as a crash would (its processes end at once, its clients' connections break); its committed
     * data and prepared transactions survive, and it recovers them as it starts again.
     */
    public void crash() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    }

    /** Starts the server, with the data it had, after {@link #stop()} or {@link #crash()}. */
    public void startAgain() throws IOException, InterruptedException {
        pg("pg_ctl", "-D", home.resolve("data").toString(), "-l", home.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        // Helix commits its database changes and its messages together: two-phase commits.
                        + " -c max_prepared_transactions=64"
                        // Room for several servers, each with pools for Helix and for Liberty's stores.
                        + " -c max_connections=300", "start");
    }

    /** A new, empty database of this server; its JDBC URL. */
    public String newDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    /** A row of a query's answer, read as it comes. */
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query on a database of this server, as its user, reading each row; a {@code Long[]} parameter goes as
     * an array of {@code bigint} (for {@code = ANY (?)}).
     */
    public void query(String database, String sql, RowReader reader, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(url(database), USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", ids));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL could not be read: " + e.getMessage(), e);
        }
    }

    /** The first column of a query's rows, as text. */
    public List<String> strings(String database, String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        query(database, sql, row -> values.add(row.getString(1)), parameters);
        return values;
    }

    public static String user() {
        return USER;
    }

    /** The JDBC URL of a database of this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(home.resolve("data/postmaster.pid"))) {
                pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void pg(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The newest installed PostgreSQL's programs. */
    private static Path installed() throws IOException {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> all = Files.list(versions)) {
                var newest = all.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
                + "apt-get install postgresql, as .ci/run does");
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
