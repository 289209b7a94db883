package dev.helix.web.portal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A Chart.js line chart for PrimeFaces' {@code p:chart}: labels along the x axis and named lines over them; a
 * value of {@code null} leaves a gap (so a forecast line starts where the measured one ends).
 */
public final class LineChart {

    private final List<String> labels;
    private final JsonArrayBuilder datasets = Json.createArrayBuilder();

    public LineChart(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** Adds a line; a dashed one is drawn as an estimate. */
    public LineChart line(String name, List<Double> values, String colour, boolean dashed) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(v -> {
            if (v == null) {
                data.addNull();
            } else {
                data.add(v);
            }
        });
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", name).add("data", data).add("borderColor", colour)
                .add("backgroundColor", colour).add("pointRadius", 1).add("tension", 0.2).add("fill", false);
        if (dashed) {
            dataset.add("borderDash", Json.createArrayBuilder().add(6).add(4));
        }
        datasets.add(dataset);
        return this;
    }

    /** The chart's Chart.js configuration. */
    public String json() {
        JsonArrayBuilder x = Json.createArrayBuilder();
        labels.forEach(x::add);
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", x).add("datasets", datasets))
                .add("options", Json.createObjectBuilder().add("animation", false).add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }
}
