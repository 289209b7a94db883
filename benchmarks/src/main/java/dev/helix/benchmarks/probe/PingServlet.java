package dev.helix.benchmarks.probe;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The request-overhead baseline: {@code GET /helix-benchmarks/ping} answers a tiny JSON object with no security,
 * no JAX-RS and no database, so the harness can tell the HTTP round trip apart from what Helix adds to a request.
 */
@WebServlet("/ping")
public class PingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write("{\"pong\":true}");
    }
}
