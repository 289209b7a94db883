package dev.helix.providers.internal;

import dev.helix.providers.model.ToolSpec;
import dev.helix.providers.port.Toolbox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A toolbox keeping files in memory and answering the test command with a failure. */
final class MemoryToolbox implements Toolbox {
    final Map<String, String> files = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public List<ToolSpec> tools() {
        return List.of(new ToolSpec(READ_FILE, "", List.of()), new ToolSpec(WRITE_FILE, "", List.of()),
                new ToolSpec(RUN_COMMAND, "", List.of()));
    }

    @Override
    public String call(String name, String arguments) {
        calls.add(name);
        var args = jakarta.json.Json.createReader(new java.io.StringReader(arguments)).readObject();
        return switch (name) {
            case READ_FILE -> files.getOrDefault(args.getString("path"), ERROR + "no such file");
            case WRITE_FILE -> {
                files.put(args.getString("path"), args.getString("content"));
                yield "wrote";
            }
            default -> "exit 1 after 3 ms: sh test.sh\nFAIL greets by name";
        };
    }

    @Override
    public void spent(long tokens) {
        calls.add("spent");
    }
}
