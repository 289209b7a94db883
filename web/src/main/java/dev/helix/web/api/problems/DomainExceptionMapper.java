package dev.helix.web.api.problems;

import dev.helix.shared.error.DomainException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Business errors (not found, conflict, invalid input) as problems with their own status and, where given, each error. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        return Problems.response(e.status(), e.problemType(), e.title(), e.getMessage(),
                e.errors().isEmpty() ? null : Problems.errors(e.errors()));
    }
}
