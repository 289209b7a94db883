package dev.helix.tasks.service;

import dev.helix.metering.service.Budgets;
import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.port.Transcript;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.model.PositiveDuration;
import dev.helix.tasks.internal.OrdersInHand;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import dev.helix.tasks.model.WorkStoppedException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks agents' models for their claimed steps on the server's managed executor, outside any transaction, once the
 * claim has committed, and hands each answer or failure to {@link StepResults}. While a call runs its work order is
 * held ({@link OrdersInHand}) and its lease renewed every quarter lease ({@link StepLeases}), so no watchdog resends
 * it; a server that dies mid-call stops renewing, and the order is resent after the lease, repeating only that call.
 * Cancelling a task on this server stops its call ({@link #stopCancelled}); a call on another server runs to its end,
 * and its record finds the task cancelled.
 */
@ApplicationScoped
public class ModelCalls {

    private static final Logger LOG = Logger.getLogger(ModelCalls.class.getName());
    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ProviderRegistry providers;

    @Inject
    Budgets budgets;

    @Inject
    StepResults results;

    @Inject
    StepLeases leases;

    @Inject
    ItemWork items;

    @Inject
    ModelTranscripts transcripts;

    @Inject
    Replays replays;

    @Inject
    Event<FleetEvent> events;

    @Inject
    OrdersInHand inHand;

    @Inject
    @ConfigProperty(name = "helix.worker.step-lease", defaultValue = "PT2M")
    Duration lease;

    private final Map<Long, Call> inFlight = new ConcurrentHashMap<>();
    private ScheduledFuture<?> renewal;

    /** A step's call and where it is: waiting to start, asking the model, or recording the answer. */
    private static final class Call {
        static final int WAITING = 0;
        static final int ASKING = 1;
        static final int RECORDING = 2;
        static final int CANCELLED = 3;

        final ClaimedStep step;
        final AtomicInteger state = new AtomicInteger(WAITING);
        volatile Future<?> future;

        Call(ClaimedStep step) {
            this.step = step;
        }
    }

    @PostConstruct
    void checkSettings() {
        lease = PositiveDuration.checked("helix.worker.step-lease", lease, DEFAULT_LEASE);
    }

    /** How long a claimed step's order stays due without being renewed. */
    public Duration lease() {
        return lease;
    }

    void launch(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimedStep step) {
        Call call = new Call(step);
        inHand.take(step.order());
        inFlight.put(step.taskId(), call);
        try {
            call.future = executor.submit(() -> run(call));
            renewLeasesFromNowOn();
        } catch (RejectedExecutionException e) {
            ended(call);
            LOG.warning(() -> "The " + step.kind() + " step of task " + step.taskId() + " could not start (" + e.getMessage()
                    + "); its work order is sent again when its lease runs out");
        }
    }

    /**
     * Stops the call of a task that was cancelled: one not started yet never starts, one asking its model is
     * interrupted; one already recording its answer finishes, and the record finds the task cancelled.
     */
    void stopCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) FleetEvent event) {
        if (event.type() != FleetEvent.Type.TASK_STATUS_CHANGED || !TaskStatus.CANCELLED.name().equals(event.status())) {
            return;
        }
        Call call = inFlight.get(event.taskId());
        if (call == null) {
            return;
        }
        if (call.state.compareAndSet(Call.WAITING, Call.CANCELLED)) {
            ended(call);
        } else if (call.state.get() == Call.ASKING && call.future != null) {
            call.future.cancel(true);
        }
    }

    private void run(Call call) {
        if (!call.state.compareAndSet(Call.WAITING, Call.ASKING)) {
            return;
        }
        ClaimedStep step = call.step;
        try {
            Runnable outcome;
            try {
                ModelProvider provider = step.replayOf() == null ? providers.byName(step.provider()) : replays.modelFor(step);
                // The requester's budget pays for the agents' tokens: each call is checked before it is made.
                Runnable budget = step.replayOf() == null ? () -> budgets.check(step.requestedBy(), null) : () -> { };
                Transcript transcript = new StepTranscript(step, provider.name(), transcripts::record, events::fire, budget);
                outcome = switch (step.kind()) {
                    case WRITE_SPEC, DRAFT_PLAN -> answer(step, provider, transcript);
                    case WORK_ITEM -> work(step, provider, transcript);
                };
            } catch (ModelAnswerRejectedException e) {
                outcome = () -> results.rejected(step, e);
            } catch (WorkStoppedException e) {
                outcome = () -> results.stopped(step, e);
            } catch (RuntimeException e) {
                outcome = () -> results.failed(step, e);
            }
            call.state.set(Call.RECORDING);
            Thread.interrupted(); // a cancel's interrupt is for the model's call, never for the record's transaction
            record(step, outcome);
        } catch (Throwable e) { // an Error too: the step must end, or its lease would be renewed for ever
            LOG.log(Level.SEVERE, "The " + step.kind() + " step of task " + step.taskId() + " broke off", e);
            record(step, () -> results.failed(step, new IllegalStateException("the step broke off: " + e)));
        } finally {
            ended(call);
        }
    }

    /** Records the outcome; when even that fails, the failure is counted as the step's, so it cannot repeat for ever. */
    private void record(ClaimedStep step, Runnable outcome) {
        try {
            outcome.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording the " + step.kind() + " step of task " + step.taskId() + " failed", e);
            try {
                results.failed(step, new IllegalStateException("its outcome could not be recorded: " + e.getMessage(), e));
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "The step of task " + step.taskId() + " is done again once its lease runs out", again);
            }
        }
    }

    private Runnable answer(ClaimedStep step, ModelProvider provider, Transcript transcript) {
        var draft = provider.draftSpec(step.spec(), step.model(), transcript);
        return () -> results.drafted(step, draft);
    }

    private Runnable work(ClaimedStep step, ModelProvider provider, Transcript transcript) {
        var result = items.work(step, provider, transcript);
        return () -> results.worked(step, result);
    }


    private void ended(Call call) {
        inFlight.remove(call.step.taskId(), call);
        inHand.release(call.step.order());
    }

    private synchronized void renewLeasesFromNowOn() {
        if (renewal == null) {
            long every = Math.max(1, lease.toMillis() / 4);
            renewal = scheduler.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void renewLeases() {
        List<WorkOrder> orders = inFlight.values().stream().map(call -> call.step.order()).toList();
        if (orders.isEmpty()) {
            return;
        }
        try {
            leases.renew(orders, Instant.now().plus(lease));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the leases of " + orders.size() + " steps in progress failed; trying again", e);
        }
    }
}
