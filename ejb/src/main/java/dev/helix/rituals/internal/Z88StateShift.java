package dev.helix.rituals.internal;

import dev.helix.analytics.model.UcfIndex;
import dev.helix.analytics.service.FleetHealthIndex;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * Z-88 phase 3, state shift: recomputes the fleet health figures from the invocation's last snapshot and the
 * whole roll call: availability (healthy / checked agents), utilisation, task success (done / (done + failed))
 * and the health index (the mean of availability and task success), and the UCF index (C7) live from the
 * analytics. Each step recomputes them; the last step's line is what the seal keeps.
 */
@ApplicationScoped
public class Z88StateShift extends Z88Phase {

    @Inject
    FleetHealthIndex health;

    public Z88StateShift() {
        super(3);
    }

    @Override
    public String name() {
        return STATE_SHIFT;
    }

    @Override
    public String description() {
        return "Z-88 state shift: recomputes the fleet health figures";
    }

    @Override
    public String perform(StageStep step) {
        List<JsonObject> snapshots = lines(step.results().getOrDefault(INVOCATION, ""));
        List<JsonObject> calls = lines(step.results().getOrDefault(ROLL_CALL, ""));
        JsonObject snapshot = snapshots.isEmpty() ? Json.createObjectBuilder().build() : snapshots.get(snapshots.size() - 1);
        int checked = calls.stream().mapToInt(c -> c.getInt("checked")).sum();
        int unhealthy = calls.stream().mapToInt(c -> c.getInt("unhealthy")).sum();
        double availability = checked == 0 ? 1.0 : (double) (checked - unhealthy) / checked;
        long done = snapshot.getJsonNumber("done") == null ? 0 : snapshot.getJsonNumber("done").longValue();
        long failed = snapshot.getJsonNumber("failed") == null ? 0 : snapshot.getJsonNumber("failed").longValue();
        double success = done + failed == 0 ? 1.0 : (double) done / (done + failed);
        double utilisation = snapshot.getJsonNumber("utilisation") == null ? 0 : snapshot.getJsonNumber("utilisation").doubleValue();
        return Json.createObjectBuilder().add("step", step.step()).add("agentsChecked", checked).add("unhealthyAgents", unhealthy)
                .add("availability", round(availability)).add("utilisation", round(utilisation)).add("taskSuccess", round(success))
                .add("healthIndex", round((availability + success) / 2)).add("ucf", ucf(health.current(Instant.now())))
                .build().toString();
    }

    private static JsonObject ucf(UcfIndex index) {
        return Json.createObjectBuilder().add("harmony", index.harmony()).add("resilience", index.resilience())
                .add("prana", index.prana()).add("drishti", index.drishti()).add("klesha", index.klesha())
                .add("zoom", index.zoom()).build();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
