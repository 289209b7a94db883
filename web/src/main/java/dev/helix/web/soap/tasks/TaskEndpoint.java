package dev.helix.web.soap.tasks;

import dev.helix.identity.model.Permission;
import dev.helix.shared.error.FieldError;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.api.tasks.CreateTaskRequest;
import dev.helix.web.api.tasks.DecisionRequest;
import dev.helix.web.api.tasks.TaskChanges;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.soap.SoapAccess;
import dev.helix.web.soap.SoapCall;
import dev.helix.web.soap.SoapRefusal;
import dev.helix.web.soap.XmlTimes;
import dev.helix.web.soap.tasks.v1.Decision;
import dev.helix.web.soap.tasks.v1.Gate;
import dev.helix.web.soap.tasks.v1.HelixFaultException;
import dev.helix.web.soap.tasks.v1.Priority;
import dev.helix.web.soap.tasks.v1.Task;
import dev.helix.web.soap.tasks.v1.TaskPort;
import dev.helix.web.soap.tasks.v1.TaskStatus;
import jakarta.inject.Inject;
import jakarta.jws.HandlerChain;
import jakarta.jws.WebService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SOAP {@code TaskService}: the task operations of the REST API, with the same permissions, audit records and
 * rate limits; every refusal is a {@code HelixFault}.
 */
@WebService(serviceName = "TaskService", portName = "TaskPort", targetNamespace = "http://helix.dev/soap/tasks/1",
        endpointInterface = "dev.helix.web.soap.tasks.v1.TaskPort", wsdlLocation = "WEB-INF/wsdl/TaskService.wsdl")
@HandlerChain(file = "/dev/helix/web/soap/handlers.xml")
public class TaskEndpoint implements TaskPort {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    @Inject
    SoapAccess access;

    @Inject
    TaskService tasks;

    @Inject
    TaskChanges changes;

    @Inject
    AuditContext audit;

    @Inject
    Validator validator;

    @Override
    public Task submitTask(String title, String prompt, Priority priority, Boolean justDoIt, Long projectId)
            throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.TASK_CREATE, "task.create");
            CreateTaskRequest request = new CreateTaskRequest(title, prompt,
                    priority == null ? null : dev.helix.tasks.model.Priority.valueOf(priority.value()), justDoIt, projectId);
            valid(request);
            return task(changes.create(request.toNewTask()));
        });
    }

    @Override
    public Task getTask(long taskId) throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.TASK_READ);
            return task(tasks.task(taskId));
        });
    }

    @Override
    public List<Task> listTasks(TaskStatus status, Integer offset, Integer limit) throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.TASK_READ);
            int first = offset == null ? 0 : offset;
            int count = limit == null ? DEFAULT_LIMIT : limit;
            List<FieldError> wrong = new ArrayList<>();
            if (first < 0) {
                wrong.add(new FieldError("offset", "must be 0 or more"));
            }
            if (count < 1 || count > MAX_LIMIT) {
                wrong.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
            }
            if (!wrong.isEmpty()) {
                throw SoapRefusal.invalid(wrong);
            }
            return tasks.tasks(status == null ? null : dev.helix.tasks.model.TaskStatus.valueOf(status.value()), first, count)
                    .stream().map(TaskEndpoint::task).toList();
        });
    }

    @Override
    public Task decideGate(long taskId, Gate gate, Decision decision, String comment) throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.TASK_DECIDE, "task.decide");
            DecisionRequest request = new DecisionRequest(
                    gate == null ? null : dev.helix.tasks.model.Gate.valueOf(gate.value()),
                    decision == null ? null : dev.helix.tasks.model.Decision.valueOf(decision.value()), comment);
            valid(request);
            audit.target("/api/v1/tasks/" + taskId);
            return task(changes.decide(taskId, request.gate(), request.decision(), request.comment()));
        });
    }

    @Override
    public Task cancelTask(long taskId) throws HelixFaultException {
        return SoapCall.answer(HelixFaultException::new, () -> {
            access.require(Permission.TASK_CANCEL, "task.cancel");
            audit.target("/api/v1/tasks/" + taskId);
            return task(changes.cancel(taskId));
        });
    }

    private void valid(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw SoapRefusal.invalid(violations);
        }
    }

    private static Task task(dev.helix.tasks.model.Task t) {
        Checklist checklist = Checklist.parse(t.getPlan());
        Task task = new Task();
        task.setId(t.getId());
        task.setTitle(t.getTitle());
        task.setPrompt(t.getPrompt());
        task.setPriority(Priority.fromValue(t.getPriority().name()));
        task.setStatus(TaskStatus.fromValue(t.getStatus().name()));
        task.setJustDoIt(t.isJustDoIt());
        task.setProjectId(t.getProjectId());
        task.setRequirements(t.getRequirements());
        task.setDesign(t.getDesign());
        task.setPlan(t.getPlan());
        task.setAgentId(t.getAgentId());
        task.setCreatedBy(t.getCreatedBy());
        task.setCreatedAt(XmlTimes.of(t.getCreatedAt()));
        task.setUpdatedAt(XmlTimes.of(t.getUpdatedAt()));
        task.setFailureReason(t.getFailureReason());
        task.setChecklistDone(checklist.doneCount());
        task.setChecklistTotal(checklist.items().size());
        task.setTokensUsed(t.getTokensUsed());
        task.setVersion(t.getVersion());
        return task;
    }
}
