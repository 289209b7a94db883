package dev.helix.web.api.problems;

import dev.helix.shared.error.Causes;
import dev.helix.shared.error.DomainException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything else: a business error wrapped by the container becomes its own problem, a body the runtime could not
 * read 400, a concurrent change 409, the database or the message broker out of reach 503 with {@code Retry-After}
 * ({@link Outage}); anything truly unexpected a 500 problem with an incident id that is logged with the stack trace,
 * which never reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Optional<DomainException> domain = causes(e, DomainException.class);
        if (domain.isPresent()) {
            return new DomainExceptionMapper().toResponse(domain.get());
        }
        if (causes(e, OptimisticLockException.class).isPresent()) {
            return Problems.response(409, "concurrent-change", "Changed concurrently",
                    "Someone else changed this resource at the same time; reload it and try again");
        }
        Optional<Outage> outage = Outage.behind(e);
        if (outage.isPresent()) {
            LOG.warning(() -> "An API call failed on an outage (" + outage.get().slug() + "): " + e);
            return outage.get().response();
        }
        if (causes(e, ProcessingException.class).isPresent()) {
            return Problems.response(400, "malformed-request", "Malformed request",
                    "The request body could not be read as this endpoint expects it");
        }
        return Problems.response(500, "internal-error", "Internal error", Problems.incident(LOG, "an API call", e));
    }

    /** The first of the exception and its causes that is of the type. */
    private static <T extends Throwable> Optional<T> causes(Throwable e, Class<T> type) {
        return Causes.of(e).filter(type::isInstance).map(type::cast).findFirst();
    }
}
