package dev.helix.providers.model;

import dev.helix.shared.error.DomainException;

/** The configured embeddings endpoint could not answer (unreachable, refused, or answered nonsense). */
public class EmbeddingsUnavailableException extends DomainException {

    public EmbeddingsUnavailableException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "embeddings-unavailable";
    }

    @Override
    public String title() {
        return "Embeddings unavailable";
    }

    @Override
    public int status() {
        return 503;
    }
}
