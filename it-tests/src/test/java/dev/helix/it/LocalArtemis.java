package dev.helix.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An ActiveMQ Artemis broker from the distribution on Maven Central (unpacked into target/artemis by the build), made
 * with Artemis's own {@code artemis create} in a folder of its own and run until closed. It speaks the core protocol
 * on 127.0.0.1 at the port given, signs in the user {@code helix} (password {@code helix}), and holds Helix's
 * destinations with the address settings operations.md asks for: helix.dispatch delivered at most five times, then
 * moved to helix.dlq.
 */
final class LocalArtemis implements AutoCloseable {

    static final String USER = "helix";
    static final String PASSWORD = "helix";
    private static final String DISPATCH_SETTINGS = """
                  <address-setting match="helix.dispatch">
                     <dead-letter-address>helix.dlq</dead-letter-address>
                     <max-delivery-attempts>5</max-delivery-attempts>
                     <redelivery-delay>200</redelivery-delay>
                  </address-setting>
            """;

    private final Path instance;
    private final int port;
    private Process broker;

    private LocalArtemis(Path instance, int port) {
        this.instance = instance;
        this.port = port;
    }

    /** Makes a broker instance in a fresh folder under target and starts it. */
    static LocalArtemis start(int port) throws IOException, InterruptedException {
        LocalArtemis artemis = create(port, List.of());
        artemis.startAgain();
        return artemis;
    }

    /**
     * Makes and starts a live/backup pair that shares one journal (Artemis's shared-store high availability): the
     * backup waits on the journal's lock and takes over, with every message the live broker had, when the live broker
     * dies. Both know each other (a static cluster connection), so clients learn of the backup from the live broker.
     * Answers the live broker, then the backup.
     */
    static List<LocalArtemis> startPair(int livePort, int backupPort) throws IOException, InterruptedException {
        Path journal = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "artemis-journal-");
        List<String> shared = List.of("--shared-store", "--failover-on-shutdown", "--data", journal.toString(),
                "--cluster-user", USER, "--cluster-password", PASSWORD);
        LocalArtemis live = create(livePort, concat(shared, "--staticCluster", "tcp://127.0.0.1:" + backupPort));
        LocalArtemis backup = create(backupPort, concat(shared, "--backup", "--staticCluster", "tcp://127.0.0.1:" + livePort));
        live.startAgain();
        try {
            backup.launch();
            backup.awaitLog("AMQ221031", Duration.ofMinutes(2)); // backup announced: it holds the live broker's place
        } catch (IOException | RuntimeException e) {
            backup.stop();
            live.stop();
            throw e;
        }
        return List.of(live, backup);
    }

    private static LocalArtemis create(int port, List<String> options) throws IOException, InterruptedException {
        Path distribution = distribution();
        Path instance = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "artemis-broker-");
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/artemis").toString(), "create",
                instance.toString(), "--silent",
                "--force", "--user", USER, "--password", PASSWORD, "--role", USER, "--require-login",
                "--host", "127.0.0.1", "--default-port", Integer.toString(port), "--http-host", "127.0.0.1",
                "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                "--no-hornetq-acceptor", "--java-memory", "512M", "--queues", "helix.dispatch:anycast,helix.dlq:anycast",
                "--addresses", "helix.events:multicast"));
        command.addAll(options);
        run(command, instance.resolveSibling(instance.getFileName() + ".create.log"));
        Path brokerXml = instance.resolve("etc/broker.xml");
        String config = Files.readString(brokerXml);
        Files.writeString(brokerXml, config.replaceFirst("<address-settings>", "<address-settings>\n" + DISPATCH_SETTINGS));
        return new LocalArtemis(instance, port);
    }

    /** Starts the broker (again, with the messages it kept) and waits until it accepts connections. */
    void startAgain() throws IOException, InterruptedException {
        launch();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!TcpPorts.accepts(port)) {
            if (!broker.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The Artemis broker did not start; see " + instance.resolve("log"));
            }
            Thread.sleep(250);
        }
    }

    private void launch() throws IOException {
        Files.createDirectories(instance.resolve("log"));
        broker = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console().toFile())).start();
    }

    /** Waits until the broker has logged a message with this code, e.g. AMQ221007 (server is now active). */
    void awaitLog(String code, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(console()).contains(code)) {
            if (!broker.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The Artemis broker did not log " + code + "; see " + console());
            }
            Thread.sleep(250);
        }
    }

    /** Kills the broker's JVM at once (SIGKILL), like a power cut: no orderly hand-over to a backup. */
    void kill() throws InterruptedException {
        broker.destroyForcibly().waitFor();
    }

    private Path console() {
        return instance.resolve("log/console.log");
    }

    /** Stops the broker as an administrator would; its messages stay in its journal. */
    void stop() throws InterruptedException {
        if (broker != null && broker.isAlive()) {
            broker.destroy();
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static Path distribution() throws IOException {
        Path unpacked = Path.of(System.getProperty("helix.it.artemis.home", "target/artemis"));
        try (var entries = Files.list(unpacked)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("apache-artemis-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No Artemis distribution in " + unpacked
                            + " (the build unpacks org.apache.activemq:apache-artemis:bin there)"));
        }
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
