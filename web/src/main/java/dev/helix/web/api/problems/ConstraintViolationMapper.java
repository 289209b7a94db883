package dev.helix.web.api.problems;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/** Bean Validation failures of a request as a 422 problem listing every field and what is wrong with it. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> field(v)))
                .forEach(v -> errors.add(Json.createObjectBuilder().add("field", field(v)).add("message", v.getMessage())));
        return Problems.response(422, "validation", "Invalid input",
                "The request has " + e.getConstraintViolations().size() + " invalid field(s)", errors.build());
    }

    /** The last node of the property path, e.g. {@code title} for {@code create.request.title}. */
    private static String field(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
