package dev.helix.analytics.model;

import dev.helix.shared.model.Choice;
import java.util.Locale;

/** How a series is projected forward: a least-squares line, or Holt's linear exponential smoothing. */
public enum ForecastMethod {
    LINEAR, HOLT;

    /** Parses {@code linear} or {@code holt} (any case); anything else is a 422 naming the choices. */
    public static ForecastMethod parse(String value) {
        return Choice.of(ForecastMethod.class, value, "method");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
