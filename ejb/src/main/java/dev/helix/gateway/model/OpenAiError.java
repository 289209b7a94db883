package dev.helix.gateway.model;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/** The body of an error in OpenAI's shape: {@code {"error":{"message","type","param","code"}}}. */
public final class OpenAiError {

    /** Looked up once: finding the provider on each call costs more than the parsing. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private OpenAiError() {
    }

    /** The error's JSON; {@code param} and {@code code} are {@code null} where they do not apply. */
    public static String json(String message, String type, String param, String code) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("message", message).add("type", type);
        if (param == null) {
            error.addNull("param");
        } else {
            error.add("param", param);
        }
        if (code == null) {
            error.addNull("code");
        } else {
            error.add("code", code);
        }
        return JSON.createObjectBuilder().add("error", error).build().toString();
    }

    /** The error's type for an HTTP status, as OpenAI names them. */
    public static String typeOf(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }
}
