package dev.helix.web.api.chatops;

import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import dev.helix.chatops.model.ChatPlatform;
import dev.helix.chatops.model.ChatLink;
import dev.helix.chatops.service.ChatFollowUps;
import dev.helix.chatops.service.ChatLinks;
import dev.helix.identity.model.Permission;
import dev.helix.shared.error.DomainException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.tasks.model.Checklist;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Gate;
import dev.helix.tasks.model.NewTask;
import dev.helix.tasks.model.Priority;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import dev.helix.web.api.tasks.TaskChanges;
import dev.helix.web.security.Caller;
import dev.helix.web.security.MessageSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The chat commands, the same on every platform: {@code help}, {@code link <code>}, {@code create <title> | <prompt>},
 * {@code status <task>}, {@code approve <task> [comment]}, {@code reject <task> <comment>}, {@code pending},
 * {@code fleet}. Each but {@code help} and {@code link} runs as the Helix user the chat user is linked to, with that
 * user's permissions and audit records; a refusal is an answer to the asker, never an error.
 */
@ApplicationScoped
public class ChatCommands {

    /** Where a platform takes a later message about a command, and for how long after it. */
    public record FollowUp(String url, Duration validFor) {
    }

    private static final int MAX_PENDING = 10;
    private static final String HOW_TO_LINK = "Get a link code in Helix, signed in as yourself (the Integrations page, "
            + "or POST /api/v1/me/chat-links), then send `link <code>` here.";

    @Inject
    ChatLinks links;

    @Inject
    MessageSignIn signIn;

    @Inject
    Caller caller;

    @Inject
    TaskService tasks;

    @Inject
    TaskChanges changes;

    @Inject
    AgentPool pool;

    @Inject
    ChatFollowUps followUps;

    @Inject
    HttpServletRequest request;

    /**
     * Runs a command of a chat user and says what came of it.
     *
     * @param followUp where the platform takes a later message about this command, for how long; null for nowhere
     */
    public ChatReply run(ChatPlatform platform, String chatUserId, String text, FollowUp followUp) {
        String command = text == null ? "" : text.strip();
        String verb = command.isEmpty() ? "help" : command.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = command.length() > verb.length() ? command.substring(verb.length()).strip() : "";
        if (verb.equals("help")) {
            return help();
        }
        if (verb.equals("link")) {
            return link(platform, chatUserId, rest);
        }
        Optional<String> user = links.user(platform, chatUserId);
        if (user.isEmpty()) {
            return ChatReply.toAsker("You are not linked to a Helix user yet", HOW_TO_LINK);
        }
        Optional<MessageSignIn.Refusal> refused = signIn.signInLinked(user.get(), request);
        if (refused.isPresent()) {
            return ChatReply.toAsker("Not allowed", refused.get().message());
        }
        try {
            return switch (verb) {
                case "create" -> create(rest, platform, followUp);
                case "status" -> allowed(Permission.TASK_READ).orElseGet(() -> taskReply("Task", tasks.task(taskId(rest))));
                case "approve" -> decide(rest, Decision.APPROVE);
                case "reject" -> decide(rest, Decision.REJECT);
                case "pending" -> allowed(Permission.TASK_READ).orElseGet(this::pending);
                case "fleet" -> allowed(Permission.AGENT_READ).orElseGet(this::fleet);
                default -> ChatReply.toAsker("Unknown command '" + verb + "'", "Send `help` for the commands.");
            };
        } catch (DomainException e) {
            return ChatReply.toAsker("Not done", e.getMessage());
        }
    }

    private ChatReply link(ChatPlatform platform, String chatUserId, String code) {
        if (code.isEmpty()) {
            return ChatReply.toAsker("Link this chat account", HOW_TO_LINK);
        }
        try {
            ChatLink link = links.redeem(code, platform, chatUserId);
            return ChatReply.toAsker("Linked", "This chat account now acts as " + link.getUsername() + " in Helix.");
        } catch (DomainException e) {
            return ChatReply.toAsker("Not linked", e.getMessage());
        }
    }

    private ChatReply create(String rest, ChatPlatform platform, FollowUp followUp) {
        Optional<ChatReply> refused = allowed(Permission.TASK_CREATE);
        if (refused.isPresent()) {
            return refused.get();
        }
        int bar = rest.indexOf('|');
        String title = (bar < 0 ? rest : rest.substring(0, bar)).strip();
        String prompt = (bar < 0 ? rest : rest.substring(bar + 1)).strip();
        if (title.isEmpty() || prompt.isEmpty()) {
            return ChatReply.toAsker("A task needs a title and a prompt", "`create <title> | <what to do>`");
        }
        if (title.length() > 200) {
            title = title.substring(0, 200);
        }
        Task created = changes.create(new NewTask(title, prompt, Priority.MEDIUM, false, null));
        ChatReply reply = taskReply("Task created by " + caller.name(), created);
        if (followUp == null) {
            return reply;
        }
        followUps.expect(created.getId(), platform, followUp.url(), followUp.validFor());
        List<String> lines = new ArrayList<>(reply.lines());
        lines.add("I will post here when it waits for a review or ends.");
        return ChatReply.toChannel(reply.title(), lines);
    }

    private ChatReply decide(String rest, Decision decision) {
        Optional<ChatReply> refused = allowed(Permission.TASK_DECIDE);
        if (refused.isPresent()) {
            return refused.get();
        }
        String[] parts = rest.split("\\s+", 2);
        long id = taskId(parts[0]);
        String comment = parts.length > 1 ? parts[1].strip() : null;
        if (decision == Decision.REJECT && (comment == null || comment.isEmpty())) {
            return ChatReply.toAsker("A rejection needs a comment", "`reject <task> <what is to change>`");
        }
        TaskStatus status = tasks.task(id).getStatus();
        Gate gate = status == TaskStatus.SPEC_REVIEW ? Gate.SPEC
                : status == TaskStatus.IMPLEMENTATION_REVIEW ? Gate.IMPLEMENTATION : null;
        if (gate == null) {
            return ChatReply.toAsker("Task " + id + " waits at no gate", "It is " + label(status) + ".");
        }
        Task decided = changes.decide(id, gate, decision, comment);
        return taskReply((decision == Decision.APPROVE ? "Approved" : "Rejected") + " by " + caller.name(), decided);
    }

    private ChatReply pending() {
        List<Task> waiting = new ArrayList<>(tasks.tasks(TaskStatus.SPEC_REVIEW, 0, MAX_PENDING));
        waiting.addAll(tasks.tasks(TaskStatus.IMPLEMENTATION_REVIEW, 0, MAX_PENDING));
        if (waiting.isEmpty()) {
            return ChatReply.toChannel("No task waits for an approval", List.of());
        }
        return ChatReply.toChannel(waiting.size() + " tasks wait for an approval", waiting.stream()
                .map(t -> "#" + t.getId() + " " + t.getTitle() + " (" + label(t.getStatus()) + ")").toList());
    }

    private ChatReply fleet() {
        PoolStatistics statistics = pool.statistics();
        Map<TaskStatus, Long> counts = tasks.countsByStatus();
        List<String> lines = new ArrayList<>();
        lines.add("Agents: " + statistics.running() + " running, " + statistics.healthy() + " healthy, "
                + Math.round(statistics.utilisation() * 100) + " % busy");
        counts.forEach((status, count) -> {
            if (count > 0) {
                lines.add(label(status) + ": " + count);
            }
        });
        return ChatReply.toChannel("Fleet status", lines);
    }

    private Optional<ChatReply> allowed(Permission permission) {
        return caller.may(permission) ? Optional.empty() : Optional.of(ChatReply.toAsker("Not allowed",
                caller.refusal(permission)));
    }

    private static ChatReply taskReply(String heading, Task task) {
        Checklist checklist = Checklist.parse(task.getPlan());
        List<String> lines = new ArrayList<>();
        lines.add("#" + task.getId() + " " + task.getTitle());
        lines.add("Status: " + label(task.getStatus()));
        if (!checklist.items().isEmpty()) {
            lines.add("Checklist: " + checklist.doneCount() + " of " + checklist.items().size() + " done");
        }
        return ChatReply.toChannel(heading, lines);
    }

    private static long taskId(String text) {
        try {
            return Long.parseLong(text.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("'" + text + "' is not a task number");
        }
    }

    /** A status in words, e.g. {@code SPEC_REVIEW} as "spec review". */
    private static String label(TaskStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ChatReply help() {
        return ChatReply.toAsker("Helix commands",
                "`create <title> | <what to do>`: a new task",
                "`status <task>`: where a task stands",
                "`approve <task> [comment]`, `reject <task> <comment>`: decide the gate a task waits at",
                "`pending`: the tasks that wait for an approval",
                "`fleet`: the agents and the tasks by status",
                "`link <code>`: link this chat account to your Helix user, with a code from Helix");
    }
}
