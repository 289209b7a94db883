package dev.helix.scheduling.port;

import dev.helix.scheduling.service.Schedules;
import dev.helix.scheduling.model.CronSchedule;
import java.util.Map;
import java.util.Optional;

/**
 * A context whose things fire on cron schedules (spirals, rituals). It is the source of truth for its schedules;
 * the persistent timers of {@link Schedules} follow what it says, read from its committed state.
 */
public interface ScheduleOwner {

    /** The prefix of this owner's schedule keys, e.g. {@code spiral:}. */
    String prefix();

    /** Every schedule this owner wants now, by key. */
    Map<String, CronSchedule> wanted();

    /** The schedule this owner wants under the key now; empty for none. */
    Optional<CronSchedule> wanted(String key);
}
