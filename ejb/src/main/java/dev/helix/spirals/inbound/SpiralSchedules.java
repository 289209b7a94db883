package dev.helix.spirals.inbound;

import dev.helix.scheduling.port.ScheduleOwner;
import dev.helix.scheduling.model.CronSchedule;
import dev.helix.spirals.service.SpiralCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** The schedules of CRON spirals, for the timers: each follows its spiral's current definition. */
@ApplicationScoped
public class SpiralSchedules implements ScheduleOwner {

    @Inject
    SpiralCatalog catalog;

    @Override
    public String prefix() {
        return SpiralCatalog.KEY_PREFIX;
    }

    @Override
    public Map<String, CronSchedule> wanted() {
        return catalog.schedules();
    }

    @Override
    public Optional<CronSchedule> wanted(String key) {
        return SpiralCatalog.spiralOf(key).flatMap(catalog::schedule);
    }
}
