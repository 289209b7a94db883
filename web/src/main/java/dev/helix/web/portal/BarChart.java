package dev.helix.web.portal;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/** A Chart.js bar chart for PrimeFaces' {@code p:chart}: one bar per label, of one named quantity, laid horizontally. */
public final class BarChart {

    private final List<String> labels;
    private final String name;
    private final List<Long> values;
    private final String colour;

    public BarChart(List<String> labels, String name, List<Long> values, String colour) {
        this.labels = List.copyOf(labels);
        this.name = name;
        this.values = List.copyOf(values);
        this.colour = colour;
    }

    /** The chart's Chart.js configuration. */
    public String json() {
        JsonArrayBuilder x = Json.createArrayBuilder();
        labels.forEach(x::add);
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach(data::add);
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", x).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", name).add("data", data).add("backgroundColor", colour))))
                .add("options", Json.createObjectBuilder().add("animation", false).add("responsive", true)
                        .add("maintainAspectRatio", false).add("indexAxis", "y")
                        .add("scales", Json.createObjectBuilder().add("x", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }
}
