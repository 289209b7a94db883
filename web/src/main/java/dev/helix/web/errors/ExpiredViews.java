package dev.helix.web.errors;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A portal page whose view cannot be restored, because it expired (the session ended, the server restarted) or
 * because the request carries a {@code jakarta.faces.ViewState} the server never gave out, does not end on an error
 * page: the browser is sent to the same page afresh (a redirect, so that the new page is a page of its own, with its
 * own script nonce), which says that the last action was not carried out ({@link ExpiredPageNotice}). An AJAX request is left to the default
 * handler, whose {@code <error>} the page shows in its error banner while what the user typed stays in place.
 * Registered in {@code faces-config.xml}.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    /** Parameters of the expired page's form that the fresh page must not carry. */
    private static final Set<String> FORM_STATE = Set.of("jakarta.faces.ViewState", "jakarta.faces.ClientWindow",
            "primefaces.nonce");

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
                        && !faces.getPartialViewContext().isAjaxRequest() && !faces.getResponseComplete()) {
                    events.remove();
                    sendBackAfresh(faces);
                }
            }
            getWrapped().handle();
        }

        /** Redirects to the page without its expired form state; the next page of the session says why. */
        private static void sendBackAfresh(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            ExpiredPageNotice.due(request);
            try {
                external.redirect(external.getRequestContextPath() + external.getRequestServletPath()
                        + queryWithoutFormState(request.getQueryString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }

        /** The query string (with its "?") less the form's state; empty when nothing else is left. */
        private static String queryWithoutFormState(String query) {
            if (query == null) {
                return "";
            }
            String kept = Arrays.stream(query.split("&")).filter(Handler::isKept).collect(Collectors.joining("&"));
            return kept.isEmpty() ? "" : "?" + kept;
        }

        /** A parameter the fresh page keeps: a readable one that is not the expired form's state. */
        private static boolean isKept(String pair) {
            try {
                return !pair.isEmpty() && !FORM_STATE.contains(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            } catch (IllegalArgumentException unreadable) {
                return false;
            }
        }
    }
}
