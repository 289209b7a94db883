package dev.helix.memory.model;

import dev.helix.shared.error.InvalidInputException;
import java.util.regex.Pattern;

/** What is asked to be remembered; {@code workspace} defaults to {@value #DEFAULT_WORKSPACE}. */
public record NewMemory(String text, MemoryKind kind, String workspace, Long taskId) {

    public static final String DEFAULT_WORKSPACE = "default";
    private static final Pattern WORKSPACE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public NewMemory {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("A memory needs a text");
        }
        if (text.length() > Memory.MAX_TEXT) {
            throw new InvalidInputException("A memory's text may hold " + Memory.MAX_TEXT + " characters, not " + text.length());
        }
        if (kind == null) {
            throw new InvalidInputException("A memory needs a kind: TASK_SUMMARY or ERROR_RESOLUTION");
        }
        workspace = workspace(workspace);
    }

    /** A checked workspace name; {@code null} is the default workspace. */
    public static String workspace(String name) {
        if (name == null) {
            return DEFAULT_WORKSPACE;
        }
        if (!WORKSPACE.matcher(name).matches()) {
            throw new InvalidInputException("A workspace name is 1 to 64 lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit: '" + name + "' is not");
        }
        return name;
    }
}
