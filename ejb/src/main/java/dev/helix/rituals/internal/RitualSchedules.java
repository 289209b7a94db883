package dev.helix.rituals.internal;

import dev.helix.rituals.service.Rituals;
import dev.helix.shared.internal.ScheduleOwner;
import dev.helix.shared.model.CronSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** The schedules of rituals, for the timers: each enabled ritual's cron expression. */
@ApplicationScoped
public class RitualSchedules implements ScheduleOwner {

    @Inject
    Rituals rituals;

    @Override
    public String prefix() {
        return Rituals.KEY_PREFIX;
    }

    @Override
    public Map<String, CronSchedule> wanted() {
        return rituals.schedules();
    }

    @Override
    public Optional<CronSchedule> wanted(String key) {
        return rituals.schedule(key.substring(prefix().length()));
    }
}
