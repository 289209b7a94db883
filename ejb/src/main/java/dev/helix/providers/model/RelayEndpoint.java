package dev.helix.providers.model;

/** The endpoints of OpenAI's protocol a provider is asked through on a caller's behalf, by their path. */
public enum RelayEndpoint {
    CHAT_COMPLETIONS("chat/completions"),
    EMBEDDINGS("embeddings");

    private final String path;

    RelayEndpoint(String path) {
        this.path = path;
    }

    /** The path below the provider's base URL, e.g. {@code chat/completions}. */
    public String path() {
        return path;
    }
}
