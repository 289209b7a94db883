package dev.helix.tasks.model;

import dev.helix.providers.model.SpecRequest;

/**
 * A step an agent took on in a short transaction and does outside any: ask its model (which may take minutes), then
 * record the answer in a transaction of its own. The answer counts only while the task still waits for this step:
 * the same work order ({@code order.seq()}) and the same status ({@code claimedIn}).
 *
 * @param spec   what the model is asked for when the step writes documents, else {@code null}
 * @param prompt the task's prompt, when the step works on a checklist item
 * @param item   the checklist item the step works on, else {@code null}
 */
public record ClaimedStep(WorkOrder order, Kind kind, TaskStatus claimedIn, long agentId, String agentName,
                          String provider, String model, SpecRequest spec, String prompt, String item) {

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
