package dev.helix.web.api.rituals;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A change of a ritual's schedule, or the composition of a custom ritual; absent fields stay as they are.
 *
 * @param cron        five-field cron expression; empty removes the schedule
 * @param enabled     whether the schedule fires
 * @param description what a custom ritual is for
 * @param stages      a custom ritual's registered stages, in order
 */
public record RitualRequest(@Size(max = 120, message = "cron is at most 120 characters") String cron, Boolean enabled,
                            @Size(max = 1000, message = "description is at most 1000 characters") String description,
                            @Size(max = 20, message = "at most 20 stages") List<String> stages) {
}
