package dev.helix.it;

import dev.helix.testing.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Helix's production topology on this machine: one PostgreSQL (Helix's tables in {@code helix}, Liberty's timers,
 * batch repository and HTTP sessions in {@code helix_liberty}), an ActiveMQ Artemis live/backup pair on a shared
 * journal, one or more Liberty servers ({@code helix-node-a}, {@code helix-node-b}, ...) each made of the production
 * server folder that the container image copies and configured as a container is, by its environment alone, and
 * HAProxy in front of them. {@link ClusterIT} runs its tests on two servers; {@link #main} starts one or two for the
 * lifecycle benchmark and keeps them up until it is stopped.
 */
final class ProductionTopology implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProductionTopology.class.getName());
    /** The balancer's port, clients' one address. */
    static final int BALANCER_PORT = Integer.getInteger("helix.it.cluster.port", 39480);
    private static final char[] NODE_LETTERS = {'a', 'b', 'c', 'd'};

    private final LocalPostgres postgres;
    private final List<LocalArtemis> brokers;
    private final List<StandaloneServer> servers;
    private final LocalHaProxy balancer;

    private ProductionTopology(LocalPostgres postgres, List<LocalArtemis> brokers, List<StandaloneServer> servers,
            LocalHaProxy balancer) {
        this.postgres = postgres;
        this.brokers = brokers;
        this.servers = servers;
        this.balancer = balancer;
    }

    /**
     * The server of this index (0 for {@code helix-node-a} at port 39280, 1 for {@code helix-node-b} at 39380, ...),
     * not yet made or started.
     */
    static StandaloneServer server(int index) {
        return new StandaloneServer("helix-node-" + NODE_LETTERS[index], "http://localhost:" + (39280 + 100 * index));
    }

    /**
     * Starts PostgreSQL, the Artemis pair, {@code count} servers with these settings added to (or replacing) each
     * one's environment, and the balancer. On failure, whatever had started is stopped again.
     */
    static ProductionTopology start(int count, Map<String, String> settings) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            LocalPostgres postgres = LocalPostgres.start(Integer.getInteger("helix.it.cluster.postgres.port", 25532));
            started.add(postgres);
            postgres.newDatabase("helix");
            postgres.newDatabase("helix_liberty");
            int live = Integer.getInteger("helix.it.cluster.artemis.port", 26716);
            int backup = Integer.getInteger("helix.it.cluster.artemis.backup-port", 26717);
            List<LocalArtemis> brokers = LocalArtemis.startPair(live, backup);
            started.addAll(brokers);
            Path serverZip = Path.of(System.getProperty("helix.it.server.zip", "target/helix-server.zip"));
            List<StandaloneServer> servers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                StandaloneServer server = server(i);
                Map<String, String> environment = environment(postgres, server, i, live, backup);
                environment.putAll(settings);
                server.installFrom(serverZip, environment);
                // The transaction service then says in the log when its recovery has settled every transaction.
                Files.writeString(server.folder().resolve("jvm.options"), "\n-Dcom.ibm.tx.auditRecovery=true\n",
                        StandardOpenOption.APPEND);
                servers.add(server);
            }
            for (StandaloneServer server : servers) {
                server.start();
                started.add(0, server::stop);
            }
            LocalHaProxy balancer = LocalHaProxy.start(BALANCER_PORT, servers.stream().map(ProductionTopology::port).toList());
            return new ProductionTopology(postgres, brokers, List.copyOf(servers), balancer);
        } catch (Exception e) {
            try {
                stopAll(started);
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    LocalPostgres postgres() {
        return postgres;
    }

    /** The live broker, then its backup. */
    List<LocalArtemis> brokers() {
        return brokers;
    }

    List<StandaloneServer> servers() {
        return servers;
    }

    /** The balancer's address: where clients send their requests. */
    String baseUrl() {
        return balancer.baseUrl();
    }

    /** Stops the balancer, the servers (the last first), the brokers and PostgreSQL; throws the first failure. */
    @Override
    public void close() throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(balancer);
        for (int i = servers.size() - 1; i >= 0; i--) {
            parts.add(servers.get(i)::stop);
        }
        parts.addAll(brokers);
        parts.add(postgres);
        stopAll(parts);
    }

    /** Stops every part in this order, each even when one before it failed; throws the first failure, the rest added. */
    private static void stopAll(List<AutoCloseable> parts) throws Exception {
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * A server's environment, as a container of Helix's image gets it: the production configuration (PostgreSQL, the
     * Artemis pair) and its own ports and clone id.
     */
    private static Map<String, String> environment(LocalPostgres postgres, StandaloneServer server, int index, int live,
            int backup) {
        String connector = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
        Map<String, String> environment = new TreeMap<>();
        environment.put("HTTP_PORT", Integer.toString(port(server)));
        environment.put("HTTPS_PORT", Integer.toString(39643 + 100 * index));
        environment.put("IIOP_PORT", Integer.toString(33009 + 100 * index));
        environment.put("HELIX_DB_URL", postgres.url("helix"));
        environment.put("HELIX_DB_XA_DATA_SOURCE", "org.postgresql.xa.PGXADataSource");
        environment.put("HELIX_DB_USER", LocalPostgres.user());
        environment.put("HELIX_DB_MAX_CONNECTIONS", "30");
        environment.put("HELIX_STORES", "postgresql");
        environment.put("HELIX_STORES_URL", postgres.url("helix_liberty"));
        environment.put("HELIX_MESSAGING", "artemis");
        environment.put("HELIX_ARTEMIS_BROKERS", "host=127.0.0.1;port=" + live + ",host=127.0.0.1;port=" + backup);
        environment.put("HELIX_ARTEMIS_CONNECTORS", connector + "," + connector);
        environment.put("HELIX_ARTEMIS_HA", "true");
        environment.put("HELIX_ARTEMIS_RECONNECT_ATTEMPTS", "10");
        environment.put("HELIX_ARTEMIS_PASSWORD", LocalArtemis.PASSWORD);
        environment.put("HELIX_SESSION_CLONE_ID", "node-" + NODE_LETTERS[index]);
        environment.put("HELIX_ADMIN_PASSWORD", HelixClient.ADMIN_PASSWORD);
        return environment;
    }

    static int port(StandaloneServer server) {
        return Integer.parseInt(server.baseUrl().replaceFirst(".*:", ""));
    }

    /**
     * Starts the topology with {@code args[0]} servers (default 2) as the lifecycle benchmark wants them (no pause
     * per agent step, no rate limit in its way), measures the raw JMS reference on its live broker, says where it
     * is, and keeps it up until the process is stopped (SIGTERM or Ctrl-C), when it stops every part.
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        ProductionTopology topology = start(count, Map.of("HELIX_WORKER_STEP_DELAY", "PT0S",
                "HELIX_RATE_LIMIT_PER_MINUTE", "1000000"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                topology.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Some parts of the topology did not stop; see their logs under target", e);
            }
        }));
        int messages = Integer.getInteger("bench.jms.messages", 5000);
        ArtemisReference.measure(topology.brokers().get(0).port(), Math.max(1, messages / 10), 256); // warm-up
        System.out.println("JMS reference: " + ArtemisReference.measure(topology.brokers().get(0).port(), messages, 256));
        System.out.println("Servers: " + String.join(",", topology.servers().stream().map(StandaloneServer::baseUrl).toList()));
        System.out.println("Helix is ready at " + topology.baseUrl());
        Thread.currentThread().join(); // until the process is stopped, when the hook stops every part
    }
}
