package dev.helix.providers.model;

/** How Helix speaks to a registered model provider. */
public enum ProviderType {
    /** The built-in provider: deterministic answers, no network, no model. */
    OFFLINE,
    /** Any endpoint of OpenAI's chat-completions protocol: OpenAI, Azure OpenAI, vLLM, Ollama, llama.cpp, LiteLLM. */
    OPENAI_COMPATIBLE
}
