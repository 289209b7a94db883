package dev.helix.web.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * What an audited action tells its audit record beyond what the interceptor sees: the target when the request
 * path does not name it (e.g. the task a portal form created), the state before and after a change, and that the
 * action failed although what it changed stands (a refused approval that sent the task back, for one).
 */
@RequestScoped
public class AuditContext {

    private static final Jsonb JSON = JsonbBuilder.create();

    private String target;
    private String before;
    private String after;
    private String failure;
    private boolean recorded;

    public void target(String target) {
        this.target = target;
    }

    /** Records a change as JSON; the views passed must hold no secret. */
    public void change(Object before, Object after) {
        this.before = before == null ? null : JSON.toJson(before);
        this.after = after == null ? null : JSON.toJson(after);
    }

    /** Notes that the action failed for this reason, while what it changed stands and commits. */
    public void failed(String reason) {
        this.failure = reason;
    }

    /** Notes that this request's action has its audit record. */
    void recorded() {
        recorded = true;
    }

    boolean isRecorded() {
        return recorded;
    }

    String target() {
        return target;
    }

    String before() {
        return before;
    }

    String after() {
        return after;
    }

    String failure() {
        return failure;
    }
}
