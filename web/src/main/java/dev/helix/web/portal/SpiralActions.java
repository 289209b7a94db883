package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.spirals.service.SpiralRuns;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The spirals page's actions, through the same services as the REST API: each checked against the caller's
 * permissions and audited. (They live apart from the view-scoped {@link SpiralsPage}, as an audited bean may not
 * be view-scoped: its interceptor cannot be serialised.) One that makes something answers it, or empty when it did
 * not happen; either way the outcome is on the page.
 */
@RequestScoped
public class SpiralActions {

    @Inject
    SpiralCatalog catalog;

    @Inject
    SpiralRuns runs;

    @Inject
    ActionPermission permission;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    @Inject
    Caller caller;

    /** Creates a spiral and shows its secret, once; each problem of an invalid definition goes to {@code field}. */
    @Audited("spiral.create")
    public Optional<Spiral> create(String definition, String field) {
        if (!permission.granted(Permission.SPIRAL_MANAGE, "Creating spirals")) {
            return Optional.empty();
        }
        audit.target("/api/v1/spirals");
        return messages.attempt(field, () -> {
            SpiralCatalog.Created created = catalog.create(definition, caller.name());
            audit.target(path(created.spiral().getId()));
            messages.done("Spiral " + created.spiral().getName() + " created. Keep this secret: " + created.secret()
                    + " (webhooks sign with it; it is not shown again)");
            return created.spiral();
        });
    }

    /** Saves a definition as the spiral's next version; each problem of an invalid definition goes to {@code field}. */
    @Audited("spiral.update")
    public void update(long id, String definition, String field) {
        if (!permission.granted(Permission.SPIRAL_MANAGE, "Editing spirals")) {
            return;
        }
        audit.target(path(id));
        messages.attempt(field, () -> {
            Spiral spiral = catalog.update(id, definition, caller.name());
            messages.done("Spiral " + spiral.getName() + " saved as version " + spiral.getCurrentVersion());
            return spiral;
        });
    }

    @Audited("spiral.delete")
    public boolean delete(long id) {
        if (!permission.granted(Permission.SPIRAL_MANAGE, "Deleting spirals")) {
            return false;
        }
        audit.target(path(id));
        return messages.attempt(() -> {
            catalog.delete(id);
            messages.done("Spiral " + id + " deleted; its runs stay readable");
        });
    }

    /** Starts a run by hand with an optional JSON object as its input. */
    @Audited("spiral.run")
    public Optional<SpiralRun> start(long id, String input) {
        if (!permission.granted(Permission.SPIRAL_RUN, "Running spirals")) {
            return Optional.empty();
        }
        audit.target(path(id) + "/runs");
        return messages.attempt(null, () -> {
            SpiralRun run = runs.startManually(id, input, caller.name());
            audit.target(path(id) + "/runs/" + run.getId());
            messages.done("Run " + run.getId() + " queued");
            return run;
        });
    }

    @Audited("spiral.restart")
    public void restart(long id, long runId) {
        if (!permission.granted(Permission.SPIRAL_RUN, "Restarting spiral runs")) {
            return;
        }
        audit.target(path(id) + "/runs/" + runId);
        messages.attempt(() -> {
            runs.restart(id, runId);
            messages.done("Run " + runId + " restarts from the step where it ended");
        });
    }

    @Audited("spiral.stop")
    public void stop(long id, long runId) {
        if (!permission.granted(Permission.SPIRAL_RUN, "Stopping spiral runs")) {
            return;
        }
        audit.target(path(id) + "/runs/" + runId);
        messages.attempt(() -> {
            runs.stop(id, runId);
            messages.done("Run " + runId + " stops after its current step");
        });
    }

    private static String path(long id) {
        return "/api/v1/spirals/" + id;
    }
}
