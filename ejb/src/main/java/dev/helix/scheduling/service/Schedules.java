package dev.helix.scheduling.service;

import dev.helix.scheduling.inbound.ScheduleStartup;
import dev.helix.scheduling.internal.ScheduleAnnouncer;
import dev.helix.scheduling.port.ScheduleOwner;
import dev.helix.scheduling.model.CronSchedule;
import dev.helix.scheduling.model.ScheduleChanged;
import dev.helix.scheduling.model.ScheduleFired;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cron schedules as persistent EJB calendar timers, one per key ({@code spiral:<id>}, {@code ritual:<name>}).
 * Persistent timers live in Liberty's timer store, so they survive restarts, and with several servers sharing the
 * store each fire runs on one server only. A fire becomes a {@link ScheduleFired} event for the context that owns
 * the key ({@link ScheduleAnnouncer}).
 *
 * <p>The timers follow their {@link ScheduleOwner}: a change of a schedule is announced inside the transaction that
 * made it ({@link #changed}), and once that transaction has committed the timer is made to match what the owner then
 * says, in a transaction of the timer store alone, one key at a time on this server. No request's transaction ever
 * holds a lock of the timer store, and nothing reads the timer store to answer a request ({@link #nextFire} computes
 * from the cron expression): before, an edit held the store's row locks until its commit while another waited for
 * them under this bean's lock, a deadlock that only the store's 60 s lock timeout and the 120 s transaction timeout
 * ended. A timer that could not follow (the store unavailable) is tried again every 30 s, and every timer is checked
 * at start-up ({@link ScheduleStartup}).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Schedules {

    private static final Logger LOG = Logger.getLogger(Schedules.class.getName());
    private static final long RETRY_SECONDS = 30;

    /** What a timer remembers: its key, its cron expression and the zone it was made in. */
    record Info(String key, String cron, String zone) implements Serializable {
    }

    private final ReentrantLock changes = new ReentrantLock();

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    ScheduleAnnouncer announcer;

    @Inject
    Event<ScheduleChanged> changedEvents;

    @Inject
    @Any
    Instance<ScheduleOwner> owners;

    @Inject
    @ConfigProperty(name = "helix.schedules.zone", defaultValue = "UTC")
    String zone;

    /** Notes, inside the transaction that changed it, that the schedule under this key may have changed. */
    public void changed(String key) {
        changedEvents.fire(new ScheduleChanged(key));
    }

    /** Once the change has committed, its timer follows. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduleChanged change) {
        follow(change.key());
    }

    /** Makes the key's timer match what its owner wants now; tried again later when the timer store fails. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void follow(String key) {
        changes.lock();
        try {
            self().replace(key, owner(key).flatMap(o -> o.wanted(key)).orElse(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The timer of schedule " + key + " could not follow its change; trying again in "
                    + RETRY_SECONDS + " s", e);
            executor.schedule(() -> self().follow(key), RETRY_SECONDS, TimeUnit.SECONDS);
        } finally {
            changes.unlock();
        }
    }

    /** Makes every timer match its owner: the timer store may be new, reset, or behind a change it missed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void followAll() {
        Set<String> keys = new TreeSet<>(self().timerKeys());
        owners.forEach(owner -> keys.addAll(owner.wanted().keySet()));
        keys.forEach(this::follow);
    }

    /** The keys of the timers there are. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> timerKeys() {
        return timers.getTimers().stream().map(Timer::getInfo).filter(Info.class::isInstance)
                .map(info -> ((Info) info).key()).toList();
    }

    /** Replaces the key's timers by one for the cron expression ({@code null}: none), unless it has that one already. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replace(String key, CronSchedule cron) {
        Info wanted = cron == null ? null : new Info(key, cron.expression(), zone);
        boolean kept = false;
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Info info && info.key().equals(key)) {
                if (!kept && info.equals(wanted)) {
                    kept = true;
                } else {
                    timer.cancel();
                }
            }
        }
        if (wanted != null && !kept) {
            timers.createCalendarTimer(cron.toScheduleExpression(zone()), new TimerConfig(wanted, true));
        }
    }

    /** When a schedule fires next, computed from its expression in the schedules' zone (no timer store read). */
    public Instant nextFire(CronSchedule cron) {
        return cron.nextAfter(ZonedDateTime.now(zone())).toInstant();
    }

    @Timeout
    void fire(Timer timer) {
        Info info = (Info) timer.getInfo();
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LOG.info(() -> "Schedule " + info.key() + " fired for " + minute);
        announcer.announce(new ScheduleFired(info.key(), minute));
    }

    private Optional<ScheduleOwner> owner(String key) {
        return owners.stream().filter(o -> key.startsWith(o.prefix())).findFirst();
    }

    private ZoneId zone() {
        return ZoneId.of(zone);
    }

    private Schedules self() {
        return context.getBusinessObject(Schedules.class);
    }
}
