package dev.helix.web.errors;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;

/**
 * A portal page whose view cannot be restored, because it expired (the session ended, the server restarted) or
 * because the request carries a {@code jakarta.faces.ViewState} the server never gave out, does not end on an error
 * page: the same page is shown afresh, with a message that the last action was not carried out. An AJAX request is
 * left to the default handler, whose {@code <error>} the page shows in its error banner while what the user typed
 * stays in place. Registered in {@code faces-config.xml}.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** The message the page shows after coming back. */
    private static final String MESSAGE = "This page had expired, so your last action was not carried out. Here it is again: "
            + "please try once more.";

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /** Takes an expired view out of the queue before the default handler would turn it into an error page. */
    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                ExceptionQueuedEventContext queued = events.next().getContext();
                // A full postback whose view cannot be restored: expired, or a ViewState the server never gave out.
                if (queued.getPhaseId() == PhaseId.RESTORE_VIEW && faces.isPostback()
                        && !faces.getPartialViewContext().isAjaxRequest()) {
                    String viewId = faces.getApplication().getViewHandler().deriveViewId(faces,
                            faces.getExternalContext().getRequestServletPath());
                    if (viewId != null) {
                        events.remove();
                        renderAfresh(faces, viewId);
                    }
                }
            }
            getWrapped().handle();
        }

        /** The page rendered afresh in place of the expired one, with the message. */
        private static void renderAfresh(FacesContext faces, String viewId) {
            faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, viewId));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MESSAGE, null));
            faces.renderResponse();
        }
    }
}
