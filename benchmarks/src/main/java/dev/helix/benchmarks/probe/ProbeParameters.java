package dev.helix.benchmarks.probe;

import jakarta.servlet.http.HttpServletRequest;

/** The probes' numeric query parameters. */
final class ProbeParameters {

    private ProbeParameters() {
    }

    /** The parameter's value, its default when absent, or -1 when it is not a number in 1..max. */
    static int bounded(HttpServletRequest request, String name, int defaultValue, int max) {
        String value = request.getParameter(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            return parsed >= 1 && parsed <= max ? parsed : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
