package dev.helix.messaging;

import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.WorkOrder;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * The JSON envelope of a work order on the dispatch queue:
 * {@code {"type":"work-order","version":1,"taskId":42,"seq":3,"priority":"HIGH"}}.
 */
public final class WorkOrderCodec {

    static final String TYPE = "work-order";

    private WorkOrderCodec() {
    }

    public static String encode(WorkOrder order) {
        return Json.createObjectBuilder()
                .add("type", TYPE)
                .add("version", 1)
                .add("taskId", order.taskId())
                .add("seq", order.seq())
                .add("priority", order.priority().name())
                .build().toString();
    }

    /** Reads an envelope; anything else is a {@link MalformedMessageException}. */
    public static WorkOrder decode(String json) {
        try {
            JsonObject o = Json.createReader(new StringReader(json)).readObject();
            if (!TYPE.equals(o.getString("type", null))) {
                throw new MalformedMessageException("not a work order: " + abbreviate(json));
            }
            return new WorkOrder(o.getJsonNumber("taskId").longValueExact(), o.getJsonNumber("seq").longValueExact(),
                    Priority.valueOf(o.getString("priority")));
        } catch (JsonException | NullPointerException | ClassCastException | ArithmeticException | IllegalArgumentException e) {
            throw new MalformedMessageException("unreadable work order: " + abbreviate(json));
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
