package dev.helix.web.portal;

import dev.helix.shared.model.DomainException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

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

    /** Runs an action, showing a business error as a message instead of an error page. */
    public void attempt(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }
}
