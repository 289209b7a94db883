package dev.helix.providers.internal;

import dev.helix.providers.port.EmbeddingProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in <b>offline</b> embedder: feature hashing, no model. The words of a text (lower-cased letters and
 * digits) and its word pairs are hashed (64-bit FNV-1a) into {@value #DIMENSIONS} signed buckets, weighted
 * {@code 1 + ln(count)} (pairs half), and the vector is scaled to unit length. Texts that share words and
 * phrases come out similar; synonyms and meaning do not. It lets memory work out of the box; configure an
 * OpenAI-compatible endpoint for semantic search.
 */
public final class FeatureHashingEmbedder implements EmbeddingProvider {

    static final int DIMENSIONS = 384;

    @Override
    public String name() {
        return "offline-hashing-" + DIMENSIONS;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        return texts.stream().map(FeatureHashingEmbedder::embed).toList();
    }

    static float[] embed(String text) {
        List<String> words = words(text);
        Map<String, Float> features = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            features.merge(words.get(i), 1f, Float::sum);
            if (i > 0) {
                features.merge(words.get(i - 1) + ' ' + words.get(i), 0.5f, Float::sum);
            }
        }
        float[] vector = new float[DIMENSIONS];
        features.forEach((feature, weight) -> {
            long hash = fnv1a(feature);
            int bucket = (int) Long.remainderUnsigned(hash, DIMENSIONS);
            float sign = (hash >>> 63) == 0 ? 1f : -1f;
            float base = feature.indexOf(' ') < 0 ? 1f : 0.5f;
            vector[bucket] += sign * base * (1f + (float) Math.log(weight / base));
        });
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < DIMENSIONS; d++) {
                vector[d] *= scale;
            }
        }
        return vector;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static long fnv1a(String feature) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
