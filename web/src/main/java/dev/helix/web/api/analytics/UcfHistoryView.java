package dev.helix.web.api.analytics;

import dev.helix.analytics.model.UcfReading;
import java.time.Instant;
import java.util.List;

/** The UCF index over a range, one reading per bucket, oldest first. */
public record UcfHistoryView(String resolution, Instant from, Instant to, List<UcfReading> readings) {
}
