package dev.helix.web.api.problems;

import dev.helix.shared.model.DomainException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything else: unreadable JSON becomes 400, a concurrent change 409, a business error wrapped by the
 * container its own problem; anything truly unexpected a 500 problem with an incident id that is logged
 * with the stack trace, which never reaches the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DomainException domain) {
                return new DomainExceptionMapper().toResponse(domain);
            }
            if (t instanceof JsonbException || t instanceof ProcessingException) {
                return Problems.response(400, "malformed-request", "Malformed request",
                        "The request body is not valid JSON of the expected shape: " + t.getMessage());
            }
            if (t instanceof OptimisticLockException) {
                return Problems.response(409, "concurrent-change", "Changed concurrently",
                        "Someone else changed this resource at the same time; reload it and try again");
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
        return Problems.response(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote incident " + incident + " when reporting it");
    }
}
