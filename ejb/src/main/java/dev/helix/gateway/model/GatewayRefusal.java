package dev.helix.gateway.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Why the gateway does not serve a request, worded for OpenAI's error shape
 * ({@code {"error":{"message","type","param","code"}}}) with the HTTP status that fits it.
 */
public class GatewayRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;
    private final String param;
    private final transient Duration retryAfter;

    public GatewayRefusal(int status, String type, String code, String param, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    /** A request the gateway cannot read or that lacks what the endpoint needs. */
    public static GatewayRefusal invalid(String message, String param) {
        return new GatewayRefusal(400, "invalid_request_error", null, param, message, null);
    }

    public static GatewayRefusal unknownModel(String model) {
        return new GatewayRefusal(404, "invalid_request_error", "model_not_found", "model", "The model '" + model
                + "' does not exist on this gateway; GET /v1/models lists the models you can use", null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** OpenAI's machine-readable code, e.g. {@code model_not_found}; {@code null} when there is none. */
    public String code() {
        return code;
    }

    /** The request field at fault, e.g. {@code messages}; {@code null} when no one field is. */
    public String param() {
        return param;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
