package dev.helix.rituals.inbound;

import dev.helix.rituals.service.Rituals;
import dev.helix.scheduling.model.ScheduleFired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Turns the fires of ritual schedules into scheduled runs (once per minute, whichever server's timer fired). */
@ApplicationScoped
public class RitualTriggers {

    @Inject
    Rituals rituals;

    void onSchedule(@Observes ScheduleFired fired) {
        Rituals.ritualOf(fired.key()).ifPresent(name -> rituals.onSchedule(name, fired.at()));
    }
}
