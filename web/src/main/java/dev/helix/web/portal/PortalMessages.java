package dev.helix.web.portal;

import dev.helix.shared.error.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a portal action tells the user: a confirmation, or the reason it did not happen. A business error becomes a
 * message on the page (the action's transaction is already marked for rollback, so the audit trail records a
 * failure).
 */
@RequestScoped
public class PortalMessages {

    @Inject
    FacesContext faces;

    public void done(String text) {
        faces.addMessage(null, new FacesMessage(text));
    }

    /** Runs an action, showing a business error as a message instead of an error page; answers whether it ran through. */
    public boolean attempt(Runnable action) {
        return attempt(null, () -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * Runs an action and answers what it made; on a business error, empty, with the error as a message for the page
     * and each of its field errors as a message for {@code clientId} ({@code null}: the page).
     */
    public <T> Optional<T> attempt(String clientId, Supplier<T> action) {
        try {
            return Optional.ofNullable(action.get());
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            e.errors().forEach(error -> faces.addMessage(clientId,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, error.field() + ": " + error.message(), null)));
            return Optional.empty();
        }
    }

    /** Reads what the address names; when it cannot be read (e.g. it does not exist), empty, the reason a warning. */
    public <T> Optional<T> read(Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
            return Optional.empty();
        }
    }
}
