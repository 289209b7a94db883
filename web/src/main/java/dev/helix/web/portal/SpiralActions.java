package dev.helix.web.portal;

import dev.helix.identity.model.Permission;
import dev.helix.spirals.model.InvalidDefinitionException;
import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.service.SpiralCatalog;
import dev.helix.spirals.service.SpiralRuns;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The spirals page's actions, through the same services as the REST API: each checked against the caller's
 * permissions and audited. (They live apart from the view-scoped {@link SpiralsPage}, as an audited bean may not
 * be view-scoped: its interceptor cannot be serialised.) Each answers what it made, or empty when it did not happen,
 * the reason being on the page.
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

    @Inject
    FacesContext faces;

    /** Creates a spiral and shows its secret, once; each problem of an invalid definition goes to {@code field}. */
    @Audited("spiral.create")
    public Optional<Spiral> create(String definition, String field) {
        if (!permission.granted(Permission.SPIRAL_MANAGE, "Creating spirals")) {
            return Optional.empty();
        }
        audit.target("/api/v1/spirals");
        return attempt(field, () -> {
            SpiralCatalog.Created created = catalog.create(definition, caller.name());
            audit.target(path(created.spiral().getId()));
            messages.done("Spiral " + created.spiral().getName() + " created. Keep this secret: " + created.secret()
                    + " (webhooks sign with it; it is not shown again)");
            return created.spiral();
        });
    }

    /** Saves a definition as the spiral's next version; each problem of an invalid definition goes to {@code field}. */
    @Audited("spiral.update")
    public Optional<Spiral> update(long id, String definition, String field) {
        if (!permission.granted(Permission.SPIRAL_MANAGE, "Editing spirals")) {
            return Optional.empty();
        }
        audit.target(path(id));
        return attempt(field, () -> {
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
        return attempt(null, () -> {
            catalog.delete(id);
            messages.done("Spiral " + id + " deleted; its runs stay readable");
            return true;
        }).isPresent();
    }

    /** Starts a run by hand with an optional JSON object as its input. */
    @Audited("spiral.run")
    public Optional<SpiralRun> start(long id, String input) {
        if (!permission.granted(Permission.SPIRAL_RUN, "Running spirals")) {
            return Optional.empty();
        }
        audit.target(path(id) + "/runs");
        return attempt(null, () -> {
            SpiralRun run = runs.startManually(id, input, caller.name());
            audit.target(path(id) + "/runs/" + run.getId());
            messages.done("Run " + run.getId() + " queued");
            return run;
        });
    }

    @Audited("spiral.restart")
    public Optional<SpiralRun> restart(long id, long runId) {
        if (!permission.granted(Permission.SPIRAL_RUN, "Restarting spiral runs")) {
            return Optional.empty();
        }
        audit.target(path(id) + "/runs/" + runId);
        return attempt(null, () -> {
            SpiralRun run = runs.restart(id, runId);
            messages.done("Run " + runId + " restarts from the step where it ended");
            return run;
        });
    }

    @Audited("spiral.stop")
    public Optional<SpiralRun> stop(long id, long runId) {
        if (!permission.granted(Permission.SPIRAL_RUN, "Stopping spiral runs")) {
            return Optional.empty();
        }
        audit.target(path(id) + "/runs/" + runId);
        return attempt(null, () -> {
            SpiralRun run = runs.stop(id, runId);
            messages.done("Run " + runId + " stops after its current step");
            return run;
        });
    }

    /** Runs an action; a business error becomes a message, an invalid definition one message per problem. */
    private <T> Optional<T> attempt(String field, Supplier<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        messages.attempt(() -> {
            try {
                result.set(action.get());
            } catch (InvalidDefinitionException e) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
                e.errors().forEach(problem -> faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        problem.field() + ": " + problem.message(), null)));
            }
        });
        return Optional.ofNullable(result.get());
    }

    private static String path(long id) {
        return "/api/v1/spirals/" + id;
    }
}
