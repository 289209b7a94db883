package dev.helix.providers.service;

import dev.helix.providers.internal.FeatureHashingEmbedder;
import dev.helix.providers.internal.OpenAiEmbeddings;
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

    @PostConstruct
    void choose() {
        embedder = switch (provider.trim().toLowerCase(Locale.ROOT)) {
            case "offline" -> new FeatureHashingEmbedder();
            case "openai" -> new OpenAiEmbeddings(url, model, dimensions, apiKey.orElse(""));
            default -> throw new IllegalStateException("helix.embeddings.provider must be offline or openai, not '"
                    + provider + "'");
        };
        LOG.info(() -> "Memory embeddings by " + embedder.name());
    }

    @Override
    public String name() {
        return embedder.name();
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return embedder.embed(texts);
    }
}
