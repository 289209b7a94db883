package dev.helix.providers.model;

import java.util.List;

/** A tool a model may call while it works on an item: its name, what it does, and its parameters. */
public record ToolSpec(String name, String description, List<Parameter> parameters) {

    public ToolSpec {
        parameters = List.copyOf(parameters);
    }

    /** One parameter of a tool: a string, or an integer where {@code integer} is set. */
    public record Parameter(String name, String description, boolean integer, boolean required) {
    }
}
