package dev.helix.web.api.problems;

import dev.helix.shared.error.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    /**
     * Whether errors at this path (as the client sent it, context path included) are answered as problems: the REST
     * API's. The portal answers with its own pages.
     */
    public static boolean isApi(HttpServletRequest request, String uri) {
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    /** The problem for a bare HTTP status, when nothing more precise than the status is known. */
    public static Response ofStatus(int status) {
        return response(status, slug(status), title(status), detail(status));
    }

    /** The problem for a bare HTTP status, written straight to a servlet response (outside the REST runtime). */
    public static void write(HttpServletResponse response, int status) throws IOException {
        write(response, status, slug(status), title(status), detail(status));
    }

    /** A problem written straight to a servlet response (outside the REST runtime), in UTF-8. */
    public static void write(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, slug, title, detail, null));
    }

    /**
     * Logs an error nobody expected with its stack trace under a new incident id, and returns the problem's detail,
     * which quotes the id and nothing else of the error.
     */
    public static String incident(Logger log, String where, Throwable error) {
        String incident = UUID.randomUUID().toString();
        log.log(Level.SEVERE, "Unexpected error at " + where + ", incident " + incident, error);
        return "Something went wrong on our side; quote incident " + incident + " when reporting it";
    }

    /** The status's reason phrase, e.g. "Method Not Allowed". */
    public static String title(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "HTTP " + status : type.getReasonPhrase();
    }

    /** The problem type slug of a bare status, e.g. "method-not-allowed". */
    public static String slug(int status) {
        return title(status).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** What a bare status means for the request, in the client's terms. */
    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: its address, a header or its body is malformed";
            case 403 -> "This request is not allowed";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not take this HTTP method";
            case 406 -> "This address cannot answer in any media type the Accept header asks for";
            case 413 -> "The request body is too large";
            case 415 -> "This address does not read a body of this Content-Type";
            default -> status >= 500 ? "Something went wrong on our side" : "The request could not be served";
        };
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
