package dev.helix.providers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.model.ToolSpec;
import dev.helix.providers.port.Toolbox;
import dev.helix.providers.port.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineModelProviderTest {

    private final OfflineModelProvider offline = new OfflineModelProvider();
    private final ItemRequest request = new ItemRequest("Fix the greeting", "Add the exclamation mark.", null, "Fix greet");

    @Test
    void withToolsItNotesEachItemInTheTasksWorkLogAndRunsTheTests() {
        MemoryToolbox tools = new MemoryToolbox();
        StepResult first = offline.work(request, tools, "offline-1", Transcript.NONE);
        offline.work(new ItemRequest("Fix the greeting", "Add the exclamation mark.", null, "Write tests"), tools, "offline-1", Transcript.NONE);

        String log = tools.files.get("docs/helix/fix-the-greeting.md");
        assertTrue(log.startsWith("# Fix the greeting\n"), log);
        assertTrue(log.endsWith("- Fix greet\n- Write tests\n"), log);
        assertEquals(List.of(Toolbox.READ_FILE, Toolbox.WRITE_FILE, Toolbox.RUN_COMMAND, "spent"), tools.calls.subList(0, 4));
        assertTrue(first.summary().contains("tests: exit 1 after 3 ms: sh test.sh"), first.summary());
        MemoryToolbox again = new MemoryToolbox();
        assertEquals(first, offline.work(request, again, "offline-1", Transcript.NONE), "deterministic");
        assertEquals(tools.files.get("docs/helix/fix-the-greeting.md").lines().limit(5).toList(),
                again.files.get("docs/helix/fix-the-greeting.md").lines().toList());
    }

    @Test
    void withoutToolsItOnlyReportsTheItem() {
        Toolbox none = new Toolbox() {
            @Override
            public List<ToolSpec> tools() {
                return List.of();
            }

            @Override
            public String call(String name, String arguments) {
                throw new AssertionError("no tool to call");
            }

            @Override
            public void spent(long tokens) {
            }
        };
        assertEquals("Completed 'Fix greet' (offline offline-1)", offline.work(request, none, "offline-1", Transcript.NONE).summary());
    }
}
