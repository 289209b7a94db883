package dev.helix.platform.inbound;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of Debian's packages ({@code apt-get install postgresql}), started in a temporary folder on a
 * free port for the tests and removed with all its data when closed. Run by the {@code postgres} user when the tests
 * run as root, which PostgreSQL refuses to be.
 */
final class LocalPostgres implements AutoCloseable {

    private static final String USER = "helix";

    private final Path bin;
    private final Path home;
    private final int port;

    private LocalPostgres(Path bin, Path home, int port) {
        this.bin = bin;
        this.home = home;
        this.port = port;
    }

    static LocalPostgres start() throws IOException, InterruptedException {
        Path bin = installed();
        Path home = Files.createTempDirectory("helix-postgres");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        LocalPostgres server = new LocalPostgres(bin, home, port);
        if (asRoot()) {
            run(List.of("chown", "postgres", home.toString()));
        }
        server.pg("initdb", "-D", home.resolve("data").toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
        server.pg("pg_ctl", "-D", home.resolve("data").toString(), "-l", home.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return server;
    }

    /** A new, empty database of this server; its JDBC URL. */
    String newDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    static String user() {
        return USER;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            pg("pg_ctl", "-D", home.resolve("data").toString(), "-m", "immediate", "-w", "stop");
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
