package dev.helix.tasks.service;

import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.model.PositiveDuration;
import dev.helix.tasks.internal.OrdersInHand;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.model.WorkOrder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks agents' models for their claimed steps on the server's managed executor, outside any transaction, once the
 * claim has committed, and hands each answer or failure to {@link StepResults}. While a call runs its work order is
 * held ({@link OrdersInHand}) and its lease renewed every quarter lease ({@link StepLeases}), so no watchdog resends
 * it; a server that dies mid-call stops renewing, and the order is resent after the lease, repeating only that call.
 * Cancelling a task interrupts its call.
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
    StepResults results;

    @Inject
    StepLeases leases;

    @Inject
    OrdersInHand inHand;

    @Inject
    @ConfigProperty(name = "helix.worker.step-lease", defaultValue = "PT2M")
    Duration lease;

    private final Map<Long, ClaimedStep> inFlight = new ConcurrentHashMap<>();
    private final Map<Long, Future<?>> calls = new ConcurrentHashMap<>();
    private ScheduledFuture<?> renewal;

    @PostConstruct
    void checkSettings() {
        lease = PositiveDuration.checked("helix.worker.step-lease", lease, DEFAULT_LEASE);
    }

    void launch(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimedStep step) {
        inHand.take(step.order());
        inFlight.put(step.taskId(), step);
        try {
            Future<?> call = executor.submit(() -> call(step));
            calls.put(step.taskId(), call);
            if (call.isDone()) {
                calls.remove(step.taskId(), call);
            }
            renewLeasesFromNowOn();
        } catch (RejectedExecutionException e) {
            ended(step);
            LOG.warning(() -> "The " + step.kind() + " step of task " + step.taskId() + " could not start (" + e.getMessage()
                    + "); its work order is sent again when its lease runs out");
        }
    }

    void stopCancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) FleetEvent event) {
        if (event.type() == FleetEvent.Type.TASK_STATUS_CHANGED && TaskStatus.CANCELLED.name().equals(event.status())) {
            Future<?> call = calls.remove(event.taskId());
            if (call != null) {
                call.cancel(true);
            }
        }
    }

    private void call(ClaimedStep step) {
        Runnable outcome;
        try {
            ModelProvider provider = providers.byName(step.provider());
            outcome = switch (step.kind()) {
                case WRITE_SPEC, DRAFT_PLAN -> answer(step, provider);
                case WORK_ITEM -> work(step, provider);
            };
        } catch (ModelAnswerRejectedException e) {
            outcome = () -> results.rejected(step, e);
        } catch (RuntimeException e) {
            outcome = () -> results.failed(step, e);
        } finally {
            calls.remove(step.taskId());
        }
        try {
            outcome.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording the " + step.kind() + " step of task " + step.taskId() + " failed; the step is "
                    + "done again once its lease runs out", e);
        } finally {
            ended(step);
        }
    }

    private Runnable answer(ClaimedStep step, ModelProvider provider) {
        var draft = provider.draftSpec(step.spec(), step.model());
        return () -> results.drafted(step, draft);
    }

    private Runnable work(ClaimedStep step, ModelProvider provider) {
        var result = provider.work(step.prompt(), step.item(), step.model());
        return () -> results.worked(step, result);
    }

    private void ended(ClaimedStep step) {
        inFlight.remove(step.taskId(), step);
        inHand.release(step.order());
    }

    private synchronized void renewLeasesFromNowOn() {
        if (renewal == null) {
            long every = Math.max(1, lease.toMillis() / 4);
            renewal = scheduler.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void renewLeases() {
        List<WorkOrder> orders = inFlight.values().stream().map(ClaimedStep::order).toList();
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
