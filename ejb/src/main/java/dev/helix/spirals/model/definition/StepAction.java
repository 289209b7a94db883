package dev.helix.spirals.model.definition;

import dev.helix.spirals.model.expression.Expression;
import dev.helix.spirals.model.expression.Template;
import dev.helix.tasks.model.Priority;
import java.util.List;
import java.util.Map;

/** What one step does: one record per {@link StepType}, holding that type's fields. */
public sealed interface StepAction {

    StepType type();

    /** Sets (or transforms) a run variable to the value of an expression. */
    record SetVariable(String name, Expression value) implements StepAction {
        @Override
        public StepType type() {
            return StepType.SET_VARIABLE;
        }
    }

    /** Creates a task, which enters the normal flow; its id goes into {@code saveAs} when given. */
    record CreateTask(Template title, Template prompt, Priority priority, String saveAs) implements StepAction {
        @Override
        public StepType type() {
            return StepType.CREATE_TASK;
        }
    }

    /** Sends a message to the agents of a role (their inbox). */
    record SendMessage(String to, Template text) implements StepAction {
        @Override
        public StepType type() {
            return StepType.SEND_MESSAGE;
        }
    }

    /**
     * Calls an HTTP endpoint (an outbound webhook). With {@code sign} the body is signed with the spiral's secret
     * ({@code X-Helix-Signature: sha256=<hex HMAC-SHA256>}). A status of 400 or more fails the attempt. The answer
     * ({@code status}, {@code body}) goes into {@code saveAs} when given.
     */
    record HttpCall(String method, Template url, Map<String, Template> headers, Template body, boolean sign, String saveAs)
            implements StepAction {
        @Override
        public StepType type() {
            return StepType.HTTP_CALL;
        }
    }

    /** Notifies Helix users (their notifications). */
    record Notify(List<String> users, Template message) implements StepAction {
        @Override
        public StepType type() {
            return StepType.NOTIFY;
        }
    }

    /** Waits; a stop request ends the wait. */
    record Wait(long millis) implements StepAction {
        @Override
        public StepType type() {
            return StepType.WAIT;
        }
    }

    /**
     * Goes on at the step {@code then} when the condition holds, else at {@code otherwise}; {@code null} means the
     * next step, {@code "end"} the end of the run. Jumps go forward only: a spiral has no cycles.
     */
    record Branch(Expression condition, String then, String otherwise) implements StepAction {
        /** The jump target that ends the run. */
        public static final String END = "end";

        @Override
        public StepType type() {
            return StepType.BRANCH;
        }
    }
}
