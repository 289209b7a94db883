package dev.helix.web.gateway;

import dev.helix.gateway.model.OpenAiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The gateway's paths ({@code /v1/...}) answer errors in OpenAI's shape, not as problems, so that OpenAI's clients
 * read them: the sign-in code, the request screen and the error page ask here which shape a path wants.
 */
public final class GatewayErrors {

    /** Where the gateway is served. */
    public static final String PATH = "/v1/";

    private GatewayErrors() {
    }

    public static boolean isGateway(HttpServletRequest request, String uri) {
        return uri != null && uri.startsWith(request.getContextPath() + PATH);
    }

    /** Answers with an error in OpenAI's shape, its type from the status. */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, message, null, null);
    }

    public static void write(HttpServletResponse response, int status, String message, String param, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(OpenAiError.json(message, OpenAiError.typeOf(status), param, code));
    }
}
