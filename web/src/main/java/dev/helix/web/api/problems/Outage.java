package dev.helix.web.api.problems;

import dev.helix.shared.error.Causes;
import dev.helix.shared.error.ConnectionLoss;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An outside service Helix cannot work without being out of reach, rather than a fault of the request or of Helix:
 * the database (stopped, restarting, the network to it down, no connection to be had: a connection error among the
 * failure's causes, by its type or its SQL state) or the message broker (a Jakarta Messaging failure among them, a
 * request using the broker only to send work orders and events in its transaction or to look at a queue; but not a
 * message, destination, selector or credential Helix got wrong, which is a fault of its own). The request was not
 * carried out, or, where the database went away in the middle of its commit, its outcome is not known yet; it is
 * answered 503 with {@code Retry-After}.
 */
public enum Outage {

    /**
     * The database lost in the middle of a request's commit, after every part had voted to commit (a heuristic
     * outcome): the transaction manager completes it once the database is back, or rolls it back, so the request
     * may yet take effect. Recognised before the others, whose answer says the request was not carried out.
     */
    COMMIT_IN_DOUBT("commit-in-doubt", "Outcome not known yet", "Helix lost its database while saving this request, "
            + "which is being completed or undone in the background; look it up (for example list your tasks) before "
            + "sending it again", t -> t instanceof HeuristicMixedException),

    /** Helix's database. */
    DATABASE("database-unavailable", "Database unavailable", "Helix cannot reach its database at the moment, so this "
            + "request was not carried out; try again shortly", ConnectionLoss::is),
    /** The message broker (ActiveMQ Artemis; Liberty's own engine is never out of reach of its server). */
    MESSAGING("messaging-unavailable", "Messaging unavailable", "Helix cannot reach its message broker at the moment, "
            + "so this request was not carried out; try again shortly", Outage::isMessagingOutage);

    /** When to try again, in seconds ({@code Retry-After}). */
    public static final int RETRY_SECONDS = 5;

    /** Jakarta Messaging failures that are Helix's own mistakes, not the broker's absence. */
    private static final Set<Class<? extends Throwable>> MESSAGING_MISTAKES = Set.of(MessageFormatException.class,
            MessageFormatRuntimeException.class, InvalidDestinationException.class,
            InvalidDestinationRuntimeException.class, InvalidSelectorException.class, InvalidSelectorRuntimeException.class,
            JMSSecurityException.class, JMSSecurityRuntimeException.class);

    private final String slug;
    private final String title;
    private final String detail;
    private final Predicate<Throwable> recognises;

    Outage(String slug, String title, String detail, Predicate<Throwable> recognises) {
        this.slug = slug;
        this.title = title;
        this.detail = detail;
        this.recognises = recognises;
    }

    /**
     * The outage behind a failure, if it is one: a commit in doubt first, then the database, as a broker failure may
     * stem from it.
     */
    public static Optional<Outage> behind(Throwable failure) {
        return Stream.of(values()).filter(o -> Causes.of(failure).anyMatch(o.recognises)).findFirst();
    }

    /** The problem type's last segment, e.g. {@code database-unavailable}. */
    public String slug() {
        return slug;
    }

    /** The problem's title. */
    public String title() {
        return title;
    }

    /** The problem's detail: what happened to the request, and what to do. */
    public String detail() {
        return detail;
    }

    /** The 503 problem, with {@code Retry-After}. */
    public Response response() {
        return Response.fromResponse(Problems.response(503, slug, title, detail))
                .header("Retry-After", RETRY_SECONDS).build();
    }

    private static boolean isMessagingOutage(Throwable t) {
        return (t instanceof JMSException || t instanceof JMSRuntimeException)
                && MESSAGING_MISTAKES.stream().noneMatch(mistake -> mistake.isInstance(t));
    }
}
