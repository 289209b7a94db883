package dev.helix.tasks.model;

import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.SpecRequest;

/**
 * A step an agent took on in a short transaction and does outside any: ask its model (which may take minutes), then
 * record the answer in a transaction of its own. The answer counts only while the task still waits for this step:
 * the same work order ({@code order.seq()}) and the same status ({@code claimedIn}).
 *
 * @param spec       what the model is asked for when the step writes documents, else {@code null}
 * @param work       what the model is asked for when the step works on a checklist item, else {@code null}
 * @param itemNumber the item's place in the checklist, from 1 (0 when the step works on no item)
 * @param projectId  the project whose repository the task works in, or {@code null}
 * @param requestedBy the user who created the task, whose tokens the model's calls are
 * @param replayOf   the task whose recorded answers the step is answered with, or {@code null} to ask the model
 */
public record ClaimedStep(WorkOrder order, Kind kind, TaskStatus claimedIn, long agentId, String agentName,
                          String provider, String model, SpecRequest spec, ItemRequest work, int itemNumber,
                          Long projectId, String requestedBy, Long replayOf) {

    /** What the agent asks its model for. */
    public enum Kind {
        /** The requirements, design and plan for the spec gate (a first draft, or a revision). */
        WRITE_SPEC,
        /** The plan of a task that skipped the spec gate ("just do it"). */
        DRAFT_PLAN,
        /** The work on one checklist item. */
        WORK_ITEM
    }

    public long taskId() {
        return order.taskId();
    }
}
