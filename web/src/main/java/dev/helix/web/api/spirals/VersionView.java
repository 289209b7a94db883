package dev.helix.web.api.spirals;

import dev.helix.spirals.model.SpiralVersion;
import jakarta.json.JsonObject;
import java.time.Instant;

/** One saved version of a spiral's definition. */
public record VersionView(int version, String createdBy, Instant createdAt, JsonObject definition) {

    static VersionView of(SpiralVersion version) {
        return new VersionView(version.getVersion(), version.getCreatedBy(), version.getCreatedAt(), SpiralView.json(version.getDefinition()));
    }
}
