package dev.helix.web.gateway;

import dev.helix.gateway.model.GatewayCall;
import dev.helix.gateway.model.GatewayCaller;
import dev.helix.gateway.model.GatewayRefusal;
import dev.helix.gateway.model.Route;
import dev.helix.gateway.service.Gateway;
import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.Permission;
import dev.helix.projects.service.Projects;
import dev.helix.providers.model.RelayEndpoint;
import dev.helix.web.security.Caller;
import dev.helix.web.security.RequestLimits;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The model gateway's HTTP face, OpenAI's protocol under {@code /v1}: {@code GET /v1/models} (and
 * {@code /v1/models/{id}}), {@code POST /v1/chat/completions} and {@code POST /v1/embeddings}. A caller signs in like
 * any API client (an API key as {@code Authorization: Bearer hx_...}), needs {@code gateway:use}, and is held to the
 * same request rates as on the REST API; {@code X-Helix-Project} names a project the usage is counted for. Every
 * error is in OpenAI's shape.
 */
@WebServlet(name = "Gateway", urlPatterns = "/v1/*")
public class GatewayServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PROJECT_HEADER = "X-Helix-Project";

    @Inject
    transient Gateway gateway;

    @Inject
    transient Caller caller;

    @Inject
    transient RequestLimits limits;

    @Inject
    transient Projects projects;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!caller.may(Permission.GATEWAY_USE)) {
            GatewayErrors.write(response, 403, "Calling models through the gateway needs the permission '"
                    + Permission.GATEWAY_USE.permissionName() + "', which the roles " + caller.roles() + " of '" + caller.name()
                    + "' (or the API key's scopes) do not grant");
            return;
        }
        RequestLimits.Decision decision = limits.acquire(caller.name(), caller.apiKey().orElse(null));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            GatewayErrors.write(response, 429, "At most " + decision.exceeded() + "; try again in "
                    + decision.retryAfterSeconds() + " s", null, "rate_limit_exceeded");
            return;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        switch (path) {
            case "/chat/completions" -> call(RelayEndpoint.CHAT_COMPLETIONS, method, request, response);
            case "/embeddings" -> call(RelayEndpoint.EMBEDDINGS, method, request, response);
            case "/models" -> {
                if (only("GET", method, response)) {
                    models(response);
                }
            }
            default -> {
                if (path.startsWith("/models/") && only("GET", method, response)) {
                    model(path.substring("/models/".length()), response);
                } else if (!path.startsWith("/models/")) {
                    GatewayErrors.write(response, 404, "Unknown request URL: " + method + " /v1" + path
                            + ". The gateway serves /v1/models, /v1/chat/completions and /v1/embeddings.", null, "unknown_url");
                }
            }
        }
    }

    private static boolean only(String allowed, String method, HttpServletResponse response) throws IOException {
        if (allowed.equals(method)) {
            return true;
        }
        response.setHeader("Allow", allowed);
        GatewayErrors.write(response, 405, method + " is not served here; use " + allowed, null, "method_not_allowed");
        return false;
    }

    private void call(RelayEndpoint endpoint, String method, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!only("POST", method, response)) {
            return;
        }
        GatewayCall call;
        try {
            call = GatewayCall.read(endpoint, request.getInputStream().readAllBytes(), gatewayCaller(request),
                    noCache(request.getHeader("Cache-Control")));
        } catch (GatewayRefusal refusal) {
            GatewayErrors.write(response, refusal.status(), refusal.getMessage(), refusal.param(), refusal.code());
            return;
        }
        gateway.serve(call, new ServletAnswerSink(response));
    }

    private GatewayCaller gatewayCaller(HttpServletRequest request) {
        String project = request.getHeader(PROJECT_HEADER);
        if (project != null && (project.isBlank() || !projects.named(project.strip()))) {
            throw GatewayRefusal.invalid(PROJECT_HEADER + " names no project: '" + project + "'", PROJECT_HEADER);
        }
        Optional<ApiKeyIdentity> key = caller.apiKey();
        return new GatewayCaller(caller.name(), key.map(ApiKeyIdentity::keyId).orElse(null),
                key.map(ApiKeyIdentity::prefix).orElse(null), project == null ? null : project.strip());
    }

    private static boolean noCache(String cacheControl) {
        return cacheControl != null && cacheControl.toLowerCase(Locale.ROOT).matches(".*\\b(no-cache|no-store)\\b.*");
    }

    private void models(HttpServletResponse response) throws IOException {
        JsonArrayBuilder data = Json.createArrayBuilder();
        gateway.models().forEach(route -> data.add(model(route)));
        json(response, Json.createObjectBuilder().add("object", "list").add("data", data).build().toString());
    }

    private void model(String id, HttpServletResponse response) throws IOException {
        Optional<Route> route = gateway.model(id);
        if (route.isEmpty()) {
            GatewayRefusal unknown = GatewayRefusal.unknownModel(id);
            GatewayErrors.write(response, 404, unknown.getMessage(), unknown.param(), unknown.code());
            return;
        }
        json(response, model(route.get()).build().toString());
    }

    private static JsonObjectBuilder model(Route route) {
        return Json.createObjectBuilder().add("id", route.alias()).add("object", "model")
                .add("created", route.created().getEpochSecond()).add("owned_by", "helix");
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
