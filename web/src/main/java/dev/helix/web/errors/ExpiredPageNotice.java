package dev.helix.web.errors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The message of a page shown afresh because the one the user acted on had expired ({@link ExpiredViews}): noted in
 * the session before the redirect, shown once by the next page rendered, in its messages. Registered in
 * {@code faces-config.xml}.
 */
public class ExpiredPageNotice implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String DUE = ExpiredPageNotice.class.getName();
    /** What the page says. */
    static final String MESSAGE = "This page had expired, so your last action was not carried out. Here it is again: "
            + "please try once more.";

    /** Notes that the next page of this request's session is to show the message. */
    static void due(HttpServletRequest request) {
        request.getSession(true).setAttribute(DUE, Boolean.TRUE);
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        if (session != null && session.getAttribute(DUE) != null) {
            session.removeAttribute(DUE);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MESSAGE, null));
        }
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
