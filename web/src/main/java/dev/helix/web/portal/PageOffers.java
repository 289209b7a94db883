package dev.helix.web.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;

/**
 * Whether a page offers a form or a button that hangs on something that can change while the page is open (a
 * permission): {@code rendered="#{offers.when(page.mayRun)}"}. Faces processes a postback only through the components
 * that are rendered then, so a button whose condition no longer holds would be dropped without a word. What a page
 * offers is therefore decided as it renders; a postback goes on to the action of what the user clicked, and the
 * action checks again ({@link ActionPermission}) and says why not.
 */
@Named("offers")
@ApplicationScoped
public class PageOffers {

    /** {@code condition} while the page renders; {@code true} while a postback is being processed. */
    public boolean when(boolean condition) {
        return condition || FacesContext.getCurrentInstance().getCurrentPhaseId() != PhaseId.RENDER_RESPONSE;
    }
}
