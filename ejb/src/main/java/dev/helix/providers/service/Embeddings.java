package dev.helix.providers.service;

import dev.helix.providers.port.EmbeddingProvider;
import dev.helix.providers.internal.FeatureHashingEmbedder;
import dev.helix.providers.outbound.OpenAiEmbeddings;
import dev.helix.providers.model.EmbeddingsUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedder memory uses: {@code helix.embeddings.provider=offline} (the default, {@link FeatureHashingEmbedder})
 * or {@code openai} with {@code helix.embeddings.url}, {@code .model}, {@code .dimensions} and
 * {@code .api-key} (e.g. the environment variable {@code HELIX_EMBEDDINGS_API_KEY}).
 */
@ApplicationScoped
public class Embeddings implements EmbeddingProvider {

    private static final Logger LOG = Logger.getLogger(Embeddings.class.getName());

    @Inject
    @ConfigProperty(name = "helix.embeddings.provider", defaultValue = "offline")
    String provider;

    @Inject
    @ConfigProperty(name = "helix.embeddings.url", defaultValue = "https://api.openai.com/v1")
    String url;

    @Inject
    @ConfigProperty(name = "helix.embeddings.model", defaultValue = "text-embedding-3-small")
    String model;

    @Inject
    @ConfigProperty(name = "helix.embeddings.dimensions", defaultValue = "384")
    int dimensions;

    @Inject
    @ConfigProperty(name = "helix.embeddings.api-key")
    Optional<String> apiKey;

    private EmbeddingProvider embedder;
    private String problem;

    @PostConstruct
    void choose() {
        switch (provider.trim().toLowerCase(Locale.ROOT)) {
            case "offline" -> embedder = new FeatureHashingEmbedder();
            case "openai" -> embedder = new OpenAiEmbeddings(url, model, dimensions, apiKey.orElse(""));
            default -> problem = "helix.embeddings.provider must be offline or openai, not '" + provider + "'";
        }
        if (problem == null) {
            LOG.info(() -> "Memory embeddings by " + embedder.name());
        } else {
            LOG.severe(problem);
        }
    }

    /** The embedder's name, or {@code unconfigured} when the configuration names none. */
    @Override
    public String name() {
        return problem == null ? embedder.name() : "unconfigured";
    }

    @Override
    public int dimensions() {
        return configured().dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return configured().embed(texts);
    }

    private EmbeddingProvider configured() {
        if (problem != null) {
            throw new EmbeddingsUnavailableException(problem);
        }
        return embedder;
    }
}
