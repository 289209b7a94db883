package dev.helix.providers.outbound;

import dev.helix.providers.internal.SpecAnswer;
import dev.helix.providers.model.ItemRequest;
import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.model.ModelTurn;
import dev.helix.providers.model.ProviderCheck;
import dev.helix.providers.model.ProviderCircuitOpenException;
import dev.helix.providers.model.RegisteredProvider;
import dev.helix.providers.model.SpecDraft;
import dev.helix.providers.model.SpecRequest;
import dev.helix.providers.model.StepResult;
import dev.helix.providers.model.ToolSpec;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.port.Toolbox;
import dev.helix.providers.port.Transcript;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.TokenCount;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider speaking OpenAI's chat-completions protocol, through LangChain4j's OpenAI client on Helix's
 * {@link ProviderTransport}, every call under the provider's {@link ProviderGuard}. Answers are streamed
 * ({@link StreamedChat}): what the model writes reaches the step's transcript as it is produced. A spec is asked for as structured
 * output; an answer that is not the JSON asked for is sent back with what is wrong, and after
 * {@value #ANSWER_ATTEMPTS} answers the step fails with the last one attached. Every call, answered or failed, goes
 * to the step's {@link Transcript} with the API key cut out.
 */
public final class OpenAiCompatibleModel implements ModelProvider {

    static final int ANSWER_ATTEMPTS = 3;
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final StreamingChatModel chat;
    private final Duration timeout;
    private final OpenAiModelCatalog catalog;
    private final ProviderGuard guard;

    public OpenAiCompatibleModel(RegisteredProvider provider, String apiKey, CircuitSettings circuit) {
        this.name = provider.getName();
        this.chat = OpenAiStreamingChatModel.builder()
                .baseUrl(provider.getBaseUrl())
                .apiKey(apiKey)
                .modelName(provider.getModels().get(0))
                .httpClientBuilder(new ProviderTransportBuilder())
                .timeout(provider.getRequestTimeout())
                .build();
        this.timeout = provider.getRequestTimeout();
        this.catalog = OpenAiModelCatalog.builder()
                .baseUrl(provider.getBaseUrl())
                .apiKey(apiKey)
                .httpClientBuilder(new ProviderTransportBuilder())
                .readTimeout(provider.getRequestTimeout().compareTo(CHECK_TIMEOUT) < 0 ? provider.getRequestTimeout() : CHECK_TIMEOUT)
                .build();
        this.guard = new ProviderGuard(name, apiKey, provider.getMaxRetries(), circuit.failuresToOpen(), circuit.openFor());
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN}. */
    public String circuitState() {
        return guard.circuitState();
    }

    /** Lists the provider's models once, without retries or circuit, and compares them with the registered ones. */
    public ProviderCheck check(List<String> registered) {
        long start = System.nanoTime();
        try {
            List<String> listed = catalog.listModels().stream().map(ModelDescription::name).sorted().toList();
            return new ProviderCheck(name, true, (System.nanoTime() - start) / 1_000_000, listed,
                    registered.stream().filter(m -> !listed.contains(m)).toList(), null);
        } catch (RuntimeException e) {
            return new ProviderCheck(name, false, (System.nanoTime() - start) / 1_000_000, List.of(), registered,
                    guard.explain("list its models", e));
        }
    }

    @Override
    public SpecDraft draftSpec(SpecRequest request, String model, Transcript transcript) {
        Conversation conversation = new Conversation(model, List.of(), transcript);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(SpecPrompt.SYSTEM),
                UserMessage.from(SpecPrompt.of(request))));
        ResponseFormat json = ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(SpecPrompt.SCHEMA).build();
        long tokens = 0;
        String answer = null;
        String problem = null;
        for (int attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
            ChatResponse response = conversation.ask(ChatRequest.builder().messages(messages).modelName(model)
                    .responseFormat(json).build(), "write the spec");
            tokens += tokens(response).total();
            answer = response.aiMessage().text();
            try {
                return SpecAnswer.parse(answer, tokens);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
                messages.add(response.aiMessage());
                messages.add(UserMessage.from(SpecPrompt.correction(problem)));
            }
        }
        throw new ModelAnswerRejectedException("Model provider '" + name + "' (model " + model + ") gave no usable spec in "
                + ANSWER_ATTEMPTS + " answers; the last one: " + problem, answer);
    }

    /**
     * Works on the item in rounds: each answer's tool calls are run through the toolbox and their results sent back,
     * until the model answers without calling a tool; that answer is the item's summary. The toolbox's budgets end a
     * model that never stops.
     */
    @Override
    public StepResult work(ItemRequest request, Toolbox tools, String model, Transcript transcript) {
        List<ToolSpecification> specifications = tools.tools().stream().map(OpenAiCompatibleModel::specification).toList();
        Conversation conversation = new Conversation(model, specifications, transcript);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(specifications.isEmpty() ? WorkPrompt.REPORTER : WorkPrompt.WORKER),
                UserMessage.from(WorkPrompt.of(request))));
        long tokens = 0;
        while (true) {
            ChatRequest.Builder chatRequest = ChatRequest.builder().modelName(model).messages(messages);
            if (!specifications.isEmpty()) {
                chatRequest.toolSpecifications(specifications);
            }
            ChatResponse response = conversation.ask(chatRequest.build(), "work on '" + request.item() + "'");
            long spent = tokens(response).total();
            tokens += spent;
            tools.spent(spent);
            AiMessage answer = response.aiMessage();
            if (!answer.hasToolExecutionRequests() || specifications.isEmpty()) { // tools offered none: calls are ignored
                String text = answer.text();
                String summary = text == null || text.isBlank() ? "Worked on '" + request.item() + "'" : Abbreviation.of(text.strip(), 500);
                return new StepResult(summary, tokens);
            }
            messages.add(answer);
            for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(call, tools.call(call.name(), call.arguments())));
            }
        }
    }

    private static ToolSpecification specification(ToolSpec tool) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        for (ToolSpec.Parameter parameter : tool.parameters()) {
            if (parameter.integer()) {
                parameters.addIntegerProperty(parameter.name(), parameter.description());
            } else {
                parameters.addStringProperty(parameter.name(), parameter.description());
            }
        }
        parameters.required(tool.parameters().stream().filter(ToolSpec.Parameter::required).map(ToolSpec.Parameter::name).toList());
        return ToolSpecification.builder().name(tool.name()).description(tool.description()).parameters(parameters.build()).build();
    }

    /** One step's calls: each is made under the guard and reported to the transcript with what it added. */
    private final class Conversation {

        private final String model;
        private final List<ToolSpecification> tools;
        private final Transcript transcript;
        private int reported;

        Conversation(String model, List<ToolSpecification> tools, Transcript transcript) {
            this.model = model;
            this.tools = tools;
            this.transcript = transcript;
        }

        ChatResponse ask(ChatRequest request, String what) {
            transcript.asking();
            List<ChatMessage> messages = request.messages();
            String asked = guard.redacted(ChatTurns.request(model, messages.subList(reported, messages.size()),
                    reported == 0 ? tools : List.of()));
            reported = messages.size();
            long start = System.nanoTime();
            AtomicInteger attempts = new AtomicInteger();
            try {
                ChatResponse response = guard.call(what, () -> {
                    if (attempts.incrementAndGet() > 1) {
                        transcript.produced("\n[asking again: the last try failed]\n");
                    }
                    return StreamedChat.call(chat, request, timeout, fragment -> transcript.produced(guard.redacted(fragment)));
                });
                transcript.record(ModelTurn.answered(asked, guard.redacted(ChatTurns.answer(response.aiMessage())),
                        tokens(response), millisSince(start)));
                return response;
            } catch (ProviderCircuitOpenException e) {
                throw e; // the provider was not called
            } catch (RuntimeException e) {
                // A cancel's interrupt is for the call, not for recording that it failed: kept aside meanwhile.
                boolean interrupted = Thread.interrupted();
                try {
                    transcript.record(ModelTurn.failed(asked, millisSince(start), e.getMessage()));
                } finally {
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                throw e;
            }
        }

        private static long millisSince(long start) {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /** The tokens the provider counted, or an estimate of the answer's (four characters a token) where it counted none. */
    private static TokenCount tokens(ChatResponse response) {
        TokenUsage usage = response.tokenUsage();
        if (usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null) {
            return TokenCount.counted(usage.inputTokenCount(), usage.outputTokenCount());
        }
        if (usage != null && usage.totalTokenCount() != null) {
            return TokenCount.counted(0, usage.totalTokenCount());
        }
        return TokenCount.estimated(0, TokenCount.estimateOf(response.aiMessage().text()));
    }
}
