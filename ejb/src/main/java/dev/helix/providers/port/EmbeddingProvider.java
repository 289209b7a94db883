package dev.helix.providers.port;

import java.util.List;

/** Turns texts into vectors for the memory (C4): the offline feature-hashing embedder or an OpenAI-compatible endpoint. */
public interface EmbeddingProvider {

    /** Names the embedder and its settings, e.g. {@code offline-hashing-384}; vectors of different names do not mix. */
    String name();

    /** The length of every vector it returns. */
    int dimensions();

    /** One vector per text, in order. */
    List<float[]> embed(List<String> texts);
}
