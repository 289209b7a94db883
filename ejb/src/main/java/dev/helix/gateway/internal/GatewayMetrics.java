package dev.helix.gateway.internal;

import dev.helix.gateway.model.Deployment;
import dev.helix.shared.model.TokenCount;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The gateway's Prometheus metrics (on {@code /metrics}), per alias and deployment: calls by outcome, tokens by kind,
 * deployments passed over by reason, call latency, and whether each deployment's circuit is open.
 */
public final class GatewayMetrics {

    private static final String NONE = "none";

    private final MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> circuits = new ConcurrentHashMap<>();

    public GatewayMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** A call answered (or refused) with {@code status}, by {@code deployment} (or none), after {@code took}. */
    public void called(String alias, Deployment deployment, int status, TokenCount tokens, boolean cacheHit, Duration took) {
        String served = deployment == null ? NONE : deployment.name();
        counter("helix.gateway.calls", "Gateway calls by alias, the deployment that served them and the outcome",
                "alias", alias, "deployment", served, "outcome", cacheHit ? "cache-hit" : status / 100 + "xx").inc();
        if (tokens.total() > 0) {
            counter("helix.gateway.tokens", "Tokens of gateway calls, by alias, deployment and kind",
                    "alias", alias, "deployment", served, "kind", "prompt").inc(tokens.prompt());
            counter("helix.gateway.tokens", "Tokens of gateway calls, by alias, deployment and kind",
                    "alias", alias, "deployment", served, "kind", "completion").inc(tokens.completion());
        }
        timers.computeIfAbsent(alias, a -> registry.timer(Metadata.builder().withName("helix.gateway.latency")
                .withDescription("How long gateway calls took to answer, by alias").withUnit(MetricUnits.SECONDS).build(),
                new Tag("alias", a))).update(took);
    }

    /** A deployment passed over for a call, and why (e.g. {@code http-503}, {@code cooling-down}). */
    public void skipped(String alias, String deployment, String reason) {
        counter("helix.gateway.skips", "Deployments passed over, by alias, deployment and reason",
                "alias", alias, "deployment", deployment, "reason", reason).inc();
    }

    /** Follows a deployment's circuit: 1 while it is open, 0 otherwise. */
    public void watchCircuit(Deployment deployment, Function<Deployment, String> state) {
        circuits.computeIfAbsent(deployment.name(), name -> {
            registry.gauge(Metadata.builder().withName("helix.gateway.circuit.open")
                    .withDescription("1 while a deployment's circuit is open on this server").build(), deployment,
                    d -> "OPEN".equals(state.apply(d)) ? 1 : 0, new Tag("deployment", name));
            return true;
        });
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + String.join("\u0000", tags), key -> {
            Tag[] labels = new Tag[tags.length / 2];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
            }
            return registry.counter(Metadata.builder().withName(name).withDescription(description).build(), labels);
        });
    }
}
