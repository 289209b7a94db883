package dev.helix.providers.model;

/**
 * A tool a model asked to call in an answer.
 *
 * @param id        the model's id of the call, which the tool's result names ({@code null} where it gave none)
 * @param arguments the arguments, a JSON object as the model wrote it (possibly malformed)
 */
public record ToolRequest(String id, String name, String arguments) {
}
