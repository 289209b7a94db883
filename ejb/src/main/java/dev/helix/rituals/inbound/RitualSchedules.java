package dev.helix.rituals.inbound;

import dev.helix.rituals.service.Rituals;
import dev.helix.scheduling.port.ScheduleOwner;
import dev.helix.scheduling.model.CronSchedule;
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
