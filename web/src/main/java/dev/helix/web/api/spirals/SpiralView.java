package dev.helix.web.api.spirals;

import dev.helix.spirals.model.Spiral;
import dev.helix.spirals.model.SpiralVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/**
 * A spiral as the API shows it: its current definition, and where its webhook and schedule are. {@code secret}
 * is shown once, when the spiral is created or its secret rotated.
 */
public record SpiralView(long id, String name, String triggerType, int currentVersion, String createdBy, Instant createdAt,
                         Instant updatedAt, JsonObject definition, String webhookPath, Instant nextFire, String secret) {

    static SpiralView of(Spiral spiral, SpiralVersion current, Instant nextFire, String secret) {
        return new SpiralView(spiral.getId(), spiral.getName(), spiral.getTriggerType().name(), spiral.getCurrentVersion(),
                spiral.getCreatedBy(), spiral.getCreatedAt(), spiral.getUpdatedAt(), json(current.getDefinition()),
                "/api/v1/hooks/" + spiral.getId(), nextFire, secret);
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
