package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.rituals.model.Ritual;
import dev.helix.rituals.model.RitualChange;
import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.service.Rituals;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The rituals page's actions, through the same service as the REST API: each checked against the caller's
 * permissions and audited. (They live apart from the view-scoped {@link RitualsPage}, as an audited bean may not be
 * view-scoped: its interceptor cannot be serialised.) One that makes something answers it, or empty when it did not
 * happen; either way the outcome is on the page.
 */
@RequestScoped
public class RitualActions {

    @Inject
    Rituals rituals;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    @Inject
    Caller caller;

    /** Sets a ritual's schedule; a blank cron removes it. */
    @Audited("ritual.configure")
    public Optional<Ritual> schedule(String name, String cron, boolean enabled) {
        if (!permission.granted(Permission.RITUAL_MANAGE, "Scheduling rituals")) {
            return Optional.empty();
        }
        audit.target(path(name));
        return messages.attempt(null, () -> {
            Ritual ritual = rituals.configure(name, new RitualChange(cron == null ? "" : cron, enabled, null, null));
            messages.done("Ritual " + name + (ritual.isEnabled() ? " runs on the schedule " + ritual.getCron() : " is not scheduled"));
            return ritual;
        });
    }

    /** Composes a custom ritual from registered stages, scheduled when a cron is given. */
    @Audited("ritual.configure")
    public Optional<Ritual> compose(String name, String description, List<String> stages, String cron) {
        if (!permission.granted(Permission.RITUAL_MANAGE, "Composing rituals")) {
            return Optional.empty();
        }
        audit.target(path(name));
        boolean scheduled = cron != null && !cron.isBlank();
        return messages.attempt(null, () -> {
            Ritual ritual = rituals.configure(name, new RitualChange(scheduled ? cron : "", scheduled, description, stages));
            messages.done("Ritual " + name + " composed of " + String.join(", ", ritual.getStages()));
            return ritual;
        });
    }

    /** Runs a ritual now, for real or as a dry run; {@code steps} for rituals that take a step count. */
    @Audited("ritual.run")
    public void start(String name, boolean dryRun, Integer steps) {
        if (!permission.granted(Permission.RITUAL_RUN, "Running rituals")) {
            return;
        }
        audit.target(path(name) + "/runs");
        messages.attempt(() -> {
            RitualRun run = rituals.start(name, dryRun, steps, caller.name());
            audit.target(path(name) + "/runs/" + run.getId());
            messages.done((dryRun ? "Dry run " : "Run ") + run.getId() + " of " + name + " queued");
        });
    }

    private static String path(String name) {
        return "/api/v1/rituals/" + name;
    }
}
