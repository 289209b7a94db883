package dev.helix.gateway.service;

import dev.helix.gateway.internal.AnswerText;
import dev.helix.gateway.internal.DeploymentHealth;
import dev.helix.gateway.internal.GatewayMetrics;
import dev.helix.gateway.internal.ResponseCache.Cached;
import dev.helix.gateway.internal.ResponseCache;
import dev.helix.gateway.internal.StreamRelay;
import dev.helix.gateway.internal.UpstreamRefusal;
import dev.helix.gateway.internal.WeightedOrder;
import dev.helix.gateway.model.AliasesChanged;
import dev.helix.gateway.model.Deployment;
import dev.helix.gateway.model.GatewayCall;
import dev.helix.gateway.model.GatewayRefusal;
import dev.helix.gateway.model.OpenAiError;
import dev.helix.gateway.model.Route;
import dev.helix.gateway.port.AnswerSink;
import dev.helix.identity.model.RequestAllowance;
import dev.helix.identity.service.AllowanceLedger;
import dev.helix.metering.model.BudgetExhaustedException;
import dev.helix.metering.model.UsageEntry;
import dev.helix.metering.model.UsageSource;
import dev.helix.metering.service.Budgets;
import dev.helix.metering.service.UsageRecorder;
import dev.helix.providers.model.ProviderTimeoutException;
import dev.helix.providers.model.ProviderUnavailableException;
import dev.helix.providers.model.RelayAnswer;
import dev.helix.providers.model.RelayEndpoint;
import dev.helix.providers.model.RelayRequest;
import dev.helix.providers.service.ProviderRelays;
import dev.helix.shared.model.PositiveCount;
import dev.helix.shared.model.PositiveDuration;
import dev.helix.shared.model.TokenCount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The model gateway: serves a call of OpenAI's protocol by one of its alias's deployments, drawn by weight. A
 * deployment that cannot serve (unreachable, too slow, 5xx, 429, 402, 401/403/404, a quota exhausted, a broken
 * stream before its first event) is cooled down and the call tried once more on another, after a short pause; when
 * the alias has none left, the call falls back to the alias's fallbacks in order. The answer names the deployment
 * that served it ({@code x-helix-deployment}) and why any other was passed over ({@code x-helix-fallback-reason}).
 * Identical non-streamed calls are answered from the cache while the alias's time to live allows
 * ({@code x-helix-cache}). Streams are passed on event by event as they arrive; a client that goes away ends the
 * provider's call. A caller whose token budget is spent is refused (429); every call is metered once it has been
 * answered, and debited from its caller's budgets.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
    /** What usage records for a client that went away before its answer was complete (nginx's number for it). */
    static final int CLIENT_CLOSED = 499;
    /** How long the routes read from the database are used before they are read again. */
    private static final Duration ROUTES_FRESH_FOR = Duration.ofSeconds(2);
    /** Tries per alias: the first and one more, before the call falls back. */
    private static final int TRIES_PER_ALIAS = 2;

    @Inject
    GatewayAliases aliases;

    @Inject
    ProviderRelays relays;

    @Inject
    UsageRecorder usage;

    @Inject
    Budgets budgets;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "helix.gateway.cool-down", defaultValue = "PT5S")
    Duration coolDown;

    @Inject
    @ConfigProperty(name = "helix.gateway.circuit.failures", defaultValue = "3")
    int failuresToOpen;

    @Inject
    @ConfigProperty(name = "helix.gateway.circuit.open-for", defaultValue = "PT30S")
    Duration openFor;

    @Inject
    @ConfigProperty(name = "helix.gateway.retry-pause", defaultValue = "PT0.1S")
    Duration retryPause;

    @Inject
    @ConfigProperty(name = "helix.gateway.cache.max-entries", defaultValue = "1000")
    int cacheEntries;

    /** Whether deployments' request rates are counted across the servers of a cluster (as callers' are). */
    @Inject
    @ConfigProperty(name = "helix.rate-limit.shared", defaultValue = "false")
    boolean sharedRateLimits;

    @Inject
    AllowanceLedger allowanceLedger;

    private DeploymentHealth health;
    private ResponseCache cache;
    private GatewayMetrics metrics;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile RouteTable table;

    private record RouteTable(Map<String, Route> routes, long loadedAt) {
    }

    @PostConstruct
    void start() {
        coolDown = PositiveDuration.checked("helix.gateway.cool-down", coolDown, Duration.ofSeconds(5));
        openFor = PositiveDuration.checked("helix.gateway.circuit.open-for", openFor, Duration.ofSeconds(30));
        retryPause = PositiveDuration.checked("helix.gateway.retry-pause", retryPause, Duration.ofMillis(100));
        failuresToOpen = (int) PositiveCount.checked("helix.gateway.circuit.failures", failuresToOpen, 3);
        cacheEntries = (int) PositiveCount.checked("helix.gateway.cache.max-entries", cacheEntries, 1000);
        health = new DeploymentHealth(coolDown, failuresToOpen, openFor, System::nanoTime,
                RequestAllowance.counted(sharedRateLimits, allowanceLedger));
        cache = new ResponseCache(cacheEntries, System::nanoTime);
        metrics = new GatewayMetrics(registry);
    }

    /** A change of the aliases is routed by at once on this server (other servers read it within two seconds). */
    void forgetRoutes(@Observes(during = TransactionPhase.AFTER_SUCCESS) AliasesChanged change) {
        table = null;
    }

    /** The aliases the gateway serves, by name. */
    public List<Route> models() {
        return routes().values().stream().sorted(Comparator.comparing(Route::alias)).toList();
    }

    /** The alias of this name, if the gateway serves one. */
    public Optional<Route> model(String alias) {
        return Optional.ofNullable(routes().get(alias));
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}: whether the deployment's circuit lets calls through. */
    public String circuitState(Deployment deployment) {
        return health.circuitState(deployment);
    }

    /** Serves the call, writing the answer (or OpenAI's error) to the sink, and meters it. */
    public void serve(GatewayCall call, AnswerSink sink) {
        long start = System.nanoTime();
        Outcome outcome = new Outcome();
        Sink client = new Sink(sink);
        try {
            Route route = routes().get(call.model());
            if (route == null) {
                throw GatewayRefusal.unknownModel(call.model());
            }
            outcome.alias = route.alias();
            checkBudgets(call);
            answer(route, call, client, outcome);
        } catch (GatewayRefusal refusal) {
            outcome.status = refusal.status();
            refuse(sink, refusal, outcome);
        } catch (ClientGone gone) {
            outcome.status = CLIENT_CLOSED;
        } catch (RuntimeException e) {
            // Helix's own trouble (its database, the secret vault): said in OpenAI's shape, with an incident to quote.
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Gateway: a call of '" + call.model() + "' failed, incident " + incident, e);
            outcome.status = 500;
            if (!client.begun) {
                refuse(sink, new GatewayRefusal(500, "api_error", "internal_error", null, "The gateway could not serve the "
                        + "request; quote incident " + incident + " when reporting it", null), outcome);
            }
        } finally {
            sink.end();
            record(call, outcome, start);
        }
    }

    private void checkBudgets(GatewayCall call) {
        try {
            budgets.check(call.caller().user(), call.caller().keyId());
        } catch (BudgetExhaustedException e) {
            throw new GatewayRefusal(429, "insufficient_quota", "budget_exceeded", null, e.getMessage(),
                    Duration.between(Instant.now(), e.resetsAt()));
        }
    }

    /** What became of a call, as it is metered. */
    private static final class Outcome {
        final Map<String, String> skipped = new LinkedHashMap<>();
        /** The alias the call asked for, once it is known to be one: metrics name no made-up model. */
        String alias = "(unknown)";
        Deployment deployment;
        TokenCount tokens = TokenCount.NONE;
        boolean cacheHit;
        int status;

        void served(Deployment by, TokenCount cost, int answered) {
            deployment = by;
            tokens = cost;
            status = answered;
        }

        String skippedText() {
            return skipped.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
        }
    }

    /** Why one deployment did not serve: the reason named in the header, and how long it asked to be left alone. */
    private record Failure(String reason, int status, Duration retryAfter) {
    }

    private void answer(Route route, GatewayCall call, Sink sink, Outcome outcome) {
        String cacheKey = call.cacheable() && route.caches()
                ? call.endpoint() + "\n" + route.alias() + "\n" + call.canonicalBody() : null;
        if (cacheKey != null) {
            Optional<Cached> hit = cache.get(cacheKey);
            if (hit.isPresent()) {
                outcome.cacheHit = true;
                outcome.status = 200;
                whole(sink, 200, hit.get().body(), headers(hit.get().deployment(), outcome, "hit"));
                return;
            }
        }
        List<Route> chain = new ArrayList<>();
        chain.add(route);
        Map<String, Route> routes = routes();
        route.fallbacks().stream().map(routes::get).filter(r -> r != null).forEach(chain::add);
        List<Failure> failures = new ArrayList<>();
        for (Route alias : chain) {
            int tries = 0;
            for (Deployment deployment : WeightedOrder.of(alias.deployments(), ThreadLocalRandom.current())) {
                if (tries == TRIES_PER_ALIAS) {
                    break;
                }
                metrics.watchCircuit(deployment, health::circuitState);
                Optional<DeploymentHealth.Busy> busy = health.take(deployment);
                if (busy.isPresent()) {
                    DeploymentHealth.Busy why = busy.get();
                    outcome.skipped.putIfAbsent(deployment.name(), why.reason());
                    failures.add(new Failure(why.reason(), why.rateLimited() ? 429 : 503, why.retryIn()));
                    metrics.skipped(call.model(), deployment.name(), why.reason());
                    continue;
                }
                if (tries++ > 0) {
                    pause();
                }
                Failure failure = attempt(alias, new Taken(deployment), call, sink, outcome, cacheKey);
                if (failure == null) {
                    return;
                }
                failures.add(failure);
                outcome.skipped.put(deployment.name(), failure.reason());
                metrics.skipped(call.model(), deployment.name(), failure.reason());
            }
        }
        throw noDeployment(call.model(), outcome, failures);
    }

    /**
     * Tries one deployment: {@code null} when it answered (the answer is written), else why it could not. Whatever
     * happens, what became of the request is reported to the deployment's health once.
     */
    private Failure attempt(Route alias, Taken taken, GatewayCall call, Sink sink, Outcome outcome, String cacheKey) {
        Deployment deployment = taken.deployment;
        try {
            RelayAnswer answer;
            try {
                answer = relays.send(new RelayRequest(deployment.getProvider(), call.endpoint(),
                        call.bodyFor(deployment.getModel()), call.stream(), alias.timeout()));
            } catch (ProviderUnavailableException e) {
                taken.failed(null);
                LOG.fine(() -> "Gateway: " + deployment + " did not serve " + call.model() + ": " + e.getMessage());
                return new Failure(e instanceof ProviderTimeoutException ? "timeout" : "unreachable", 503, null);
            }
            try (answer) {
                if (!answer.succeeded()) {
                    byte[] error = answer.body().readAllBytes();
                    if (UpstreamRefusal.isCallersFault(answer.status(), error)) {
                        taken.succeeded();
                        outcome.served(deployment, TokenCount.NONE, answer.status());
                        whole(sink, answer.status(), UpstreamRefusal.asOpenAiError(answer.status(), error),
                                headers(deployment.name(), outcome, call.stream() ? null : "miss"));
                        return null;
                    }
                    taken.failed(answer.retryAfter().orElse(null));
                    return new Failure("http-" + answer.status(), answer.status(), answer.retryAfter().orElse(null));
                }
                return call.stream() ? stream(taken, call, answer, sink, outcome)
                        : whole(alias, taken, call, answer, sink, outcome, cacheKey);
            } catch (IOException e) {
                taken.failed(null);
                return new Failure("broken-answer", 502, null);
            }
        } catch (ClientGone gone) {
            taken.succeeded(); // the deployment answered; the client left
            throw gone;
        } catch (RuntimeException e) {
            taken.failed(null);
            throw e;
        }
    }

    private Failure whole(Route alias, Taken taken, GatewayCall call, RelayAnswer answer, Sink sink, Outcome outcome,
                          String cacheKey) throws IOException {
        Deployment deployment = taken.deployment;
        byte[] body = answer.body().readAllBytes();
        TokenCount tokens = AnswerText.tokens(body, call::promptText);
        taken.succeeded();
        outcome.served(deployment, tokens, 200);
        if (cacheKey != null) {
            cache.put(cacheKey, new Cached(body, deployment.name(), tokens), alias.cacheTtl());
        }
        whole(sink, 200, body, headers(deployment.name(), outcome, "miss"));
        return null;
    }

    /**
     * Passes a stream on, event by event. Its first event is read before anything is answered, so a stream that
     * breaks before it is a failure the call falls back from; one that breaks later ends with an error event.
     */
    private Failure stream(Taken taken, GatewayCall call, RelayAnswer answer, Sink sink, Outcome outcome) {
        Deployment deployment = taken.deployment;
        StreamRelay relay = new StreamRelay(answer.body(), call.wantsStreamUsage());
        String first;
        try {
            do {
                first = relay.next();
            } while (first != null && first.isEmpty());
        } catch (IOException e) {
            taken.failed(null);
            return new Failure("broken-stream", 502, null);
        }
        if (first == null) {
            taken.failed(null);
            return new Failure("empty-stream", 502, null);
        }
        String broken = null;
        try {
            sink.begin(200, "text/event-stream", headers(deployment.name(), outcome, null), -1);
            sink.event(first);
            for (String event = relay.next(); event != null; event = relay.next()) {
                if (!event.isEmpty()) {
                    sink.event(event);
                }
            }
            if (!relay.done()) {
                broken = "the provider's stream ended without [DONE]";
            }
        } catch (IOException e) {
            broken = "the provider's stream broke off: " + e.getMessage();
        } catch (ClientGone gone) {
            // What the provider wrote until then is billed all the same.
            outcome.served(deployment, relay.tokens(call::promptText), CLIENT_CLOSED);
            throw gone;
        }
        if (broken != null) {
            taken.failed(null);
            sink.event(StreamRelay.errorEvent(deployment.name() + ": " + broken));
            outcome.served(deployment, relay.tokens(call::promptText), 502);
        } else {
            taken.succeeded();
            outcome.served(deployment, relay.tokens(call::promptText), 200);
        }
        return null;
    }

    /** A deployment taken for one request: what became of it is reported to its health once, whatever happens. */
    private final class Taken {

        final Deployment deployment;
        private boolean reported;

        Taken(Deployment deployment) {
            this.deployment = deployment;
        }

        void succeeded() {
            if (!reported) {
                reported = true;
                health.succeeded(deployment);
            }
        }

        void failed(Duration retryAfter) {
            if (!reported) {
                reported = true;
                health.failed(deployment, retryAfter);
            }
        }
    }

    private static GatewayRefusal noDeployment(String model, Outcome outcome, List<Failure> failures) {
        boolean rateLimited = !failures.isEmpty() && failures.stream().allMatch(f -> f.status() == 429);
        Duration wait = failures.stream().map(Failure::retryAfter).filter(d -> d != null).min(Comparator.naturalOrder())
                .orElse(null);
        String why = outcome.skipped.isEmpty() ? "it has no deployment" : outcome.skippedText();
        return new GatewayRefusal(rateLimited ? 429 : 503, rateLimited ? "rate_limit_error" : "api_error",
                rateLimited ? "rate_limit_exceeded" : "no_deployment_available", null,
                "No deployment of '" + model + "' or its fallbacks could serve the request (" + why + ")", wait);
    }

    private static Map<String, String> headers(String deployment, Outcome outcome, String cacheState) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-helix-deployment", deployment);
        if (!outcome.skipped.isEmpty()) {
            headers.put("x-helix-fallback-reason", outcome.skippedText());
        }
        if (cacheState != null) {
            headers.put("x-helix-cache", cacheState);
        }
        return headers;
    }

    private static void whole(Sink sink, int status, byte[] body, Map<String, String> headers) {
        sink.begin(status, "application/json", headers, body.length);
        sink.write(body);
    }

    private static void refuse(AnswerSink sink, GatewayRefusal refusal, Outcome outcome) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!outcome.skipped.isEmpty()) {
            headers.put("x-helix-fallback-reason", outcome.skippedText());
        }
        refusal.retryAfter().ifPresent(wait -> headers.put("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        byte[] body = OpenAiError.json(refusal.getMessage(), refusal.type(), refusal.param(), refusal.code())
                .getBytes(StandardCharsets.UTF_8);
        try {
            sink.begin(refusal.status(), "application/json", headers, body.length);
            sink.write(body);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Gateway: the client went away before its refusal", e);
        }
    }

    private void record(GatewayCall call, Outcome outcome, long start) {
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.called(outcome.alias, outcome.deployment, outcome.status, outcome.tokens, outcome.cacheHit, took);
        try {
            usage.record(new UsageEntry(Instant.now(), call.endpoint() == RelayEndpoint.EMBEDDINGS ? UsageSource.EMBEDDINGS
                    : UsageSource.CHAT, call.caller().user(), call.caller().keyId(), call.caller().keyPrefix(),
                    call.caller().project(), null, call.model(), outcome.deployment == null ? null : outcome.deployment.name(),
                    outcome.tokens, outcome.cacheHit, call.stream(), outcome.status, took.toMillis()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gateway: the usage of a call of '" + call.model() + "' by '" + call.caller().user()
                    + "' could not be recorded", e);
        }
    }

    private void pause() {
        long millis = retryPause.toMillis();
        try {
            Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Route> routes() {
        RouteTable current = table;
        if (current != null && System.nanoTime() - current.loadedAt() < ROUTES_FRESH_FOR.toNanos()) {
            return current.routes();
        }
        // One thread reads them again; the others go on with the routes they have, if there are any.
        if (current != null && !loading.tryLock()) {
            return current.routes();
        }
        if (current == null) {
            loading.lock();
        }
        try {
            RouteTable fresh = table;
            if (fresh == null || fresh == current) {
                Map<String, Route> routes = new LinkedHashMap<>();
                aliases.routes().forEach(route -> routes.put(route.alias(), route));
                fresh = new RouteTable(Map.copyOf(routes), System.nanoTime());
                table = fresh;
            }
            return fresh.routes();
        } finally {
            loading.unlock();
        }
    }

    /** The client's side of the answer; a client that went away ends the call. */
    private static final class Sink {

        private final AnswerSink client;
        /** Whether anything of the answer has gone out: after that, no other answer can replace it. */
        boolean begun;

        Sink(AnswerSink client) {
            this.client = client;
        }

        void begin(int status, String contentType, Map<String, String> headers, long length) {
            begun = true;
            try {
                client.begin(status, contentType, headers, length);
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }

        void write(byte[] bytes) {
            try {
                client.write(bytes);
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }

        void event(String event) {
            try {
                client.write(event.getBytes(StandardCharsets.UTF_8));
                client.flush();
            } catch (IOException e) {
                throw new ClientGone(e);
            }
        }
    }

    /** The client went away: its call ends, and the provider's with it. */
    private static final class ClientGone extends UncheckedIOException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }
}
