package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A server that dies between an item's commit and the database's record of it leaves them consistent: the server
 * (its fault point armed) halts right after the first item of a task is committed on the task's branch; after the
 * restart the item's step comes again, finds its commit, and the task goes on with no item worked twice. Runs on
 * {@code helix-crash}.
 */
class ItemCommitCrashIT {

    private static final StandaloneServer SERVER = new StandaloneServer("helix-crash",
            System.getProperty("helix.it.crash.url", "http://localhost:39080"));
    private static final Pattern ITEM = Pattern.compile("^- \\[x\\] (.+)$", Pattern.MULTILINE);

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Test
    void aCrashBetweenAnItemsCommitAndItsRecordNeitherLosesNorRepeatsTheItem() throws IOException {
        SERVER.start();
        HelixClient admin = HelixClient.admin().at(SERVER.baseUrl());
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        long project = admin.post("/api/v1/projects", "{\"name\":\"Crash " + run + "\",\"repository\":{\"create\":true},"
                + "\"testCommand\":\"true\"}").expect(201).object().getJsonNumber("id").longValue();
        Path faultPoint = SERVER.folder().resolve("halt-after-item-commit");
        Files.writeString(faultPoint, "armed by ItemCommitCrashIT\n");

        long id = admin.post("/api/v1/tasks", "{\"title\":\"Survivor " + run + "\",\"prompt\":\"Outlive the crash.\","
                + "\"justDoIt\":true,\"projectId\":" + project + "}").expect(201).object().getJsonNumber("id").longValue();
        SERVER.awaitDeath(Duration.ofMinutes(2));
        assertFalse(Files.exists(faultPoint), "the server halted at the fault point");
        SERVER.start();

        JsonObject review = admin.awaitTask(id, t -> t.getString("status").equals("IMPLEMENTATION_REVIEW"), Duration.ofMinutes(2));
        String diff = admin.get("/api/v1/tasks/" + id + "/changes").expect(200).object().getString("diff");
        Matcher items = ITEM.matcher(review.getString("plan"));
        int total = 0;
        while (items.find()) {
            String line = "\n+- " + items.group(1) + "\n";
            assertEquals(1, diff.split(Pattern.quote(line), -1).length - 1, () -> "'" + line.strip() + "' once in the work log: " + diff);
            total++;
        }
        assertEquals(review.getInt("total"), total, review.getString("plan"));
        long writes = admin.get("/api/v1/tasks/" + id + "/activity").expect(200).json().asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("tool").equals("write_file")).count();
        assertEquals(total, writes, "the item committed before the crash was not worked again");
    }
}
