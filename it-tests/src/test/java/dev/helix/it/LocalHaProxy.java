package dev.helix.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy from Debian's package in front of Helix's servers, as a production load balancer: requests go round-robin
 * to the servers that Helix's readiness check ({@code /health/ready}) calls ready, with no sticky sessions; a
 * request that found its server gone before it was sent is sent to another. When no server is ready (the database
 * they share is down, say), requests still go to every server (the backup lines), so that clients get Helix's own
 * answer, a 503 problem with {@code Retry-After}, rather than the balancer's.
 */
final class LocalHaProxy implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;

    private LocalHaProxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts HAProxy on 127.0.0.1:port before the servers at these ports. */
    static LocalHaProxy start(int port, List<Integer> serverPorts) throws IOException, InterruptedException {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException(HAPROXY + " is missing: install Debian's package haproxy (.ci/run does)");
        }
        Path folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "haproxy-");
        String servers = IntStream.range(0, serverPorts.size()).mapToObj(i -> "    server node" + i + " 127.0.0.1:"
                + serverPorts.get(i) + " check inter 1s fall 2 rise 2\n    server node" + i + "-anyway 127.0.0.1:"
                + serverPorts.get(i) + " backup").collect(Collectors.joining("\n"));
        Path config = Files.writeString(folder.resolve("haproxy.cfg"), """
                global
                    maxconn 4096
                defaults
                    mode http
                    timeout connect 5s
                    timeout client 2m
                    timeout server 2m
                    retries 3
                    option redispatch
                frontend helix
                    bind 127.0.0.1:%d
                    default_backend servers
                backend servers
                    balance roundrobin
                    option httpchk GET /health/ready
                    http-check expect status 200
                    option allbackups
                %s
                """.formatted(port, servers));
        Process process = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile()).start();
        LocalHaProxy proxy = new LocalHaProxy(process, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!TcpPorts.accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("HAProxy did not start; see " + folder.resolve("haproxy.log"));
            }
            Thread.sleep(100);
        }
        return proxy;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
