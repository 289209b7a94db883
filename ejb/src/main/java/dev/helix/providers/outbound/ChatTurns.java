package dev.helix.providers.outbound;

import dev.helix.providers.internal.TurnJson;
import dev.helix.providers.model.ToolRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A chat call as its transcript keeps it: the request holds the model, the names of the tools on offer and only the
 * messages added since the step's previous call, the model's own answers left out (the conversation so far is the
 * earlier requests and answers, so a long tool loop is not stored over and over); the answer is {@link TurnJson}'s.
 */
final class ChatTurns {

    private ChatTurns() {
    }

    static String request(String model, List<ChatMessage> added, List<ToolSpecification> tools) {
        JsonArrayBuilder messages = Json.createArrayBuilder();
        added.stream().filter(message -> !(message instanceof AiMessage)).forEach(message -> messages.add(json(message)));
        JsonObjectBuilder request = Json.createObjectBuilder().add("model", model).add("messages", messages);
        if (!tools.isEmpty()) {
            JsonArrayBuilder names = Json.createArrayBuilder();
            tools.forEach(tool -> names.add(tool.name()));
            request.add("tools", names);
        }
        return request.build().toString();
    }

    static String answer(AiMessage answer) {
        List<ToolRequest> calls = answer.hasToolExecutionRequests() ? answer.toolExecutionRequests().stream()
                .map(call -> new ToolRequest(call.id(), call.name(), call.arguments())).toList() : List.of();
        return TurnJson.answer(answer.text(), calls);
    }

    private static JsonObjectBuilder json(ChatMessage message) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (message instanceof SystemMessage system) {
            return json.add("role", "system").add("content", system.text());
        }
        if (message instanceof UserMessage user) {
            return json.add("role", "user").add("content", user.hasSingleText() ? user.singleText() : user.contents().toString());
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return json.add("role", "tool").add("toolCallId", String.valueOf(result.id())).add("name", result.toolName())
                    .add("content", result.text());
        }
        return json.add("role", String.valueOf(message.type())).add("content", message.toString());
    }
}
