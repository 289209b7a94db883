package dev.helix.web.api.problems;

import dev.helix.shared.model.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Builds RFC 9457 {@code application/problem+json} answers: a stable {@code type} URI per kind of
 * problem, a human {@code title}, the {@code status}, a {@code detail} and, for validation, the list of
 * {@code errors}. Never a stack trace.
 */
public final class Problems {

    /** Media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Base of every problem type URI; the slug follows. */
    public static final String TYPE_BASE = "https://helix.dev/problems/";

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail) {
        return response(status, slug, title, detail, null);
    }

    public static Response response(int status, String slug, String title, String detail, JsonArray errors) {
        return Response.status(status).type(MEDIA_TYPE).entity(body(status, slug, title, detail, errors)).build();
    }

    /** The {@code errors} member: each field, in the order given, with what is wrong with it. */
    public static JsonArray errors(List<FieldError> errors) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        errors.forEach(e -> array.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
        return array.build();
    }

    /** The problem document as JSON text. */
    public static String body(int status, String slug, String title, String detail, JsonArray errors) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", TYPE_BASE + slug)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (errors != null) {
            json.add("errors", errors);
        }
        return json.build().toString();
    }
}
