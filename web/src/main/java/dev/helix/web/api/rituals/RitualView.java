package dev.helix.web.api.rituals;

import dev.helix.rituals.model.Ritual;
import dev.helix.rituals.model.RitualAnalytics;
import java.time.Instant;
import java.util.List;

/** A ritual: its stages, schedule (and when it fires next), and, when asked for one ritual, its analytics. */
public record RitualView(String name, String description, List<String> stages, boolean builtIn, String cron,
                         boolean enabled, Integer steps, Instant nextFire, RunView lastRun, RitualAnalytics analytics) {

    static RitualView of(Ritual ritual, Instant nextFire, RunView lastRun, RitualAnalytics analytics) {
        return new RitualView(ritual.getName(), ritual.getDescription(), ritual.getStages(), ritual.isBuiltIn(),
                ritual.getCron(), ritual.isEnabled(), ritual.getSteps(), nextFire, lastRun, analytics);
    }
}
