package dev.helix.providers.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureHashingEmbedderTest {

    private static final double TOLERANCE = 1e-5;

    private final FeatureHashingEmbedder embedder = new FeatureHashingEmbedder();

    @Test
    void isNamedAfterItsOfflineHashingAnd384Dimensions() {
        assertEquals("offline-hashing-384", embedder.name());
        assertEquals(384, embedder.dimensions());
    }

    @Test
    void givesOneUnitLengthVectorOf384DimensionsPerTextInOrder() {
        List<String> texts = List.of("Deploy the billing service to production",
                "x", "the the the the", "Migrate the database schema and restart the workers");
        List<float[]> vectors = embedder.embed(texts);

        assertEquals(texts.size(), vectors.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = vectors.get(i);
            assertEquals(384, vector.length);
            assertEquals(1.0, norm(vector), TOLERANCE, "text " + i);
            assertArrayEquals(embedder.embed(List.of(texts.get(i))).get(0), vector, "text " + i);
        }
        assertTrue(cosine(vectors.get(0), vectors.get(3)) < 0.9);
    }

    @Test
    void theSameTextAlwaysGivesTheSameVectorEvenFromAnotherInstance() {
        String text = "Retry the flaky integration test after the cache warms up";

        float[] first = embedder.embed(List.of(text)).get(0);
        float[] again = embedder.embed(List.of(text)).get(0);
        float[] elsewhere = new FeatureHashingEmbedder().embed(List.of(text)).get(0);

        assertArrayEquals(first, again);
        assertArrayEquals(first, elsewhere);
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        List<float[]> vectors = embedder.embed(List.of("Deploy FAILED!", "deploy failed", "  deploy -- failed...  "));

        assertArrayEquals(vectors.get(1), vectors.get(0));
        assertArrayEquals(vectors.get(1), vectors.get(2));
    }

    @Test
    void textsSharingWordsAreMoreSimilarThanUnrelatedTexts() {
        List<float[]> vectors = embedder.embed(List.of(
                "the database migration failed with a timeout",
                "database migration timeout when deploying",
                "render the landing page banner in blue"));
        double related = cosine(vectors.get(0), vectors.get(1));
        double unrelated = cosine(vectors.get(0), vectors.get(2));

        assertTrue(related > 0.3, "related texts scored " + related);
        assertTrue(related > unrelated + 0.2, "related " + related + " vs unrelated " + unrelated);
    }

    @Test
    void wordOrderMattersOnlyALittle() {
        List<float[]> vectors = embedder.embed(List.of(
                "restart the payment worker before the nightly import",
                "before the nightly import restart the payment worker",
                "nightly the before worker payment the import restart"));
        double reordered = cosine(vectors.get(0), vectors.get(1));
        double shuffled = cosine(vectors.get(0), vectors.get(2));

        assertTrue(reordered < 0.9999, "reordered texts scored " + reordered);
        assertTrue(reordered > 0.75, "reordered texts scored " + reordered);
        assertTrue(shuffled < reordered, "a shuffle keeps fewer word pairs: " + shuffled + " vs " + reordered);
        assertTrue(shuffled > 0.6, "shuffled texts scored " + shuffled);
    }

    @Test
    void aTextWithoutLettersOrDigitsGivesTheZeroVector() {
        for (String text : List.of("", "   ", "?! -- ... ***", "\n\t")) {
            float[] vector = embedder.embed(List.of(text)).get(0);
            assertEquals(384, vector.length);
            assertArrayEquals(new float[384], vector, "for '" + text + "'");
        }
    }

    @Test
    void lettersAndDigitsOfAnyScriptCountAsWords() {
        List<float[]> vectors = embedder.embed(List.of("Überweisung fehlgeschlagen 42", "überweisung FEHLGESCHLAGEN 42!",
                "Überweisung"));

        assertArrayEquals(vectors.get(0), vectors.get(1));
        assertEquals(1.0, norm(vectors.get(2)), TOLERANCE);
        assertTrue(cosine(vectors.get(0), vectors.get(2)) > 0.3);
    }

    private static double norm(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int d = 0; d < a.length; d++) {
            dot += (double) a[d] * b[d];
        }
        return dot / (norm(a) * norm(b));
    }
}
