package dev.helix.shared.internal;

import dev.helix.shared.model.CronSchedule;
import dev.helix.shared.model.ScheduleFired;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cron schedules as persistent EJB calendar timers, one per key ({@code spiral:<id>}, {@code ritual:<name>}).
 * Persistent timers live in Liberty's timer store, so they survive restarts, and with several servers sharing the
 * store each fire runs on one server only. Creating or cancelling one joins the caller's transaction. A fire
 * becomes a {@link ScheduleFired} event for the context that owns the key ({@link ScheduleAnnouncer}).
 */
@Singleton
public class Schedules {

    /** What a timer remembers: its key, its cron expression and the zone it was made in. */
    record Info(String key, String cron, String zone) implements Serializable {
    }

    @Resource
    TimerService timers;

    @Inject
    ScheduleAnnouncer announcer;

    @Inject
    @ConfigProperty(name = "helix.schedules.zone", defaultValue = "UTC")
    String zone;

    /** Makes the schedule under this key the given one (replacing any other); {@code null} removes it. */
    public void schedule(String key, CronSchedule cron) {
        Optional<Timer> existing = timer(key);
        if (existing.isPresent() && cron != null && existing.get().getInfo().equals(new Info(key, cron.expression(), zone))) {
            return;
        }
        existing.ifPresent(Timer::cancel);
        if (cron != null) {
            timers.createCalendarTimer(cron.toScheduleExpression(zone()), new TimerConfig(new Info(key, cron.expression(), zone), true));
        }
    }

    /** When the schedule under this key fires next, if there is one. */
    @Lock(LockType.READ)
    public Optional<Instant> nextFire(String key) {
        return timer(key).map(t -> t.getNextTimeout().toInstant());
    }

    /** When each schedule whose key starts with the prefix fires next, by key: one pass over the timers. */
    @Lock(LockType.READ)
    public Map<String, Instant> nextFires(String prefix) {
        Map<String, Instant> next = new HashMap<>();
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Info info && info.key().startsWith(prefix)) {
                next.put(info.key(), timer.getNextTimeout().toInstant());
            }
        }
        return next;
    }

    private ZoneId zone() {
        return ZoneId.of(zone);
    }

    @Timeout
    void fire(Timer timer) {
        Info info = (Info) timer.getInfo();
        announcer.announce(new ScheduleFired(info.key(), Instant.now().truncatedTo(ChronoUnit.MINUTES)));
    }

    private Optional<Timer> timer(String key) {
        return timers.getTimers().stream()
                .filter(t -> t.getInfo() instanceof Info info && info.key().equals(key))
                .findFirst();
    }
}
