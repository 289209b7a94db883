package dev.helix.spirals.service;

import dev.helix.spirals.outbound.HttpStep;
import dev.helix.agents.service.AgentMailbox;
import dev.helix.notifications.service.Notifications;
import dev.helix.spirals.model.expression.Expression;
import dev.helix.spirals.model.definition.SpiralDefinition;
import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.definition.SpiralStep;
import dev.helix.spirals.model.definition.StepAction;
import dev.helix.spirals.model.StepStatus;
import dev.helix.tasks.model.NewTask;
import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.service.TaskService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Performs one attempt of one step and records its success, in one transaction: a task a step creates and the
 * record that the step completed commit together, so a restart never repeats a completed step. A failed attempt
 * rolls back and throws. (HTTP calls are made outside a transaction, by {@link HttpStep}.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StepPerformer {

    @Inject
    SpiralRunLedger ledger;

    @Inject
    TaskService tasks;

    @Inject
    AgentMailbox mailbox;

    @Inject
    Notifications notifications;

    /** What a completed step leaves: the variables after it and the position of the next step. */
    public record Result(Map<String, Object> variables, int next, String output) {
    }

    /** Performs the step's action and records it completed; returns where the run goes on. */
    public Result perform(SpiralRun run, SpiralDefinition definition, int position, Map<String, Object> variables) {
        SpiralStep step = definition.steps().get(position);
        Map<String, Object> after = new LinkedHashMap<>(variables);
        String sender = "spiral:" + run.getSpiralId();
        int next = position + 1;
        String output;
        StepAction action = step.action();
        if (action instanceof StepAction.SetVariable set) {
            Object value = set.value().evaluate(variables);
            after.put(set.name(), value);
            output = set.name() + " = " + Expression.asText(value);
        } else if (action instanceof StepAction.CreateTask create) {
            Task task = tasks.create(new NewTask(create.title().render(variables),
                    create.prompt() == null ? create.title().render(variables) : create.prompt().render(variables),
                    create.priority() == null ? Priority.MEDIUM : create.priority(), false, null), sender);
            if (create.saveAs() != null) {
                after.put(create.saveAs(), task.getId());
            }
            output = "created task " + task.getId();
        } else if (action instanceof StepAction.SendMessage message) {
            output = "message " + mailbox.post(message.to(), sender, message.text().render(variables)).getId() + " to " + message.to();
        } else if (action instanceof StepAction.Notify notify) {
            notifications.notify(notify.users(), notify.message().render(variables), sender);
            output = "notified " + String.join(", ", notify.users());
        } else if (action instanceof StepAction.Branch branch) {
            boolean holds = branch.condition().test(variables);
            String target = holds ? branch.then() : branch.otherwise();
            next = target == null ? position + 1
                    : StepAction.Branch.END.equals(target) ? definition.steps().size() : definition.positionOf(target).orElseThrow();
            output = "condition " + holds + " → " + (target == null ? "next step" : target);
        } else {
            throw new IllegalArgumentException("a " + action.type() + " step is not performed here");
        }
        ledger.stepEnded(run.getId(), position, step, StepStatus.COMPLETED, output, next, after);
        return new Result(after, next, output);
    }

}
