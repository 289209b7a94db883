package dev.helix.web.api.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;

/**
 * Errors the REST runtime raises itself (unknown path, wrong method or media type, a value it cannot convert) as
 * problems worded for the client. The runtime's own message is never passed on: it names the runtime's classes and
 * annotations, not what was wrong with the request.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    Request request;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && Problems.MEDIA_TYPE.equals(String.valueOf(original.getMediaType()))) {
            return original; // already a problem, e.g. from NumberParameters
        }
        int status = original.getStatus();
        Set<String> allowed = new TreeSet<>(original.getAllowedMethods());
        Response.ResponseBuilder problem = Response.fromResponse(status == 405 && !allowed.isEmpty()
                ? Problems.response(405, Problems.slug(405), Problems.title(405), "This address does not take "
                        + request.getMethod() + "; it takes " + String.join(", ", allowed))
                : Problems.ofStatus(status));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem.build();
    }
}
