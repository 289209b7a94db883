package dev.helix.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Match;
import dev.helix.compute.model.Similarity;
import dev.helix.compute.model.SimilarityIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimilarityIndexTest {

    private static final float TOLERANCE = 1e-4f;

    static List<ComputeBackend> backends() {
        return Backends.all().toList();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void findsTheExactTopKAcrossSegmentsAndBlocksForABatchOfQueries(ComputeBackend backend) {
        int dimensions = 45;
        Random random = new Random(7);
        float[][] vectors = randomVectors(random, 3000, dimensions);
        float[][] queries = randomVectors(random, 37, dimensions);
        try (SimilarityIndex index = Backends.of(backend).newIndex(dimensions, Similarity.COSINE, 1024)) {
            for (int i = 0; i < vectors.length; i++) {
                index.add(1000 + i, vectors[i]);
            }
            List<List<Match>> results = index.search(queries, 10);

            assertEquals(queries.length, results.size());
            for (int q = 0; q < queries.length; q++) {
                double[] exact = exactCosines(vectors, queries[q]);
                double[] best = Arrays.stream(exact).map(s -> -s).sorted().map(s -> -s).limit(10).toArray();
                List<Match> matches = results.get(q);
                assertEquals(10, matches.size());
                for (int rank = 0; rank < 10; rank++) {
                    Match match = matches.get(rank);
                    assertEquals(best[rank], match.score(), TOLERANCE, backend + " query " + q + " rank " + rank);
                    // The id found scores what the exact computation says it should (swaps only among near-ties).
                    assertEquals(best[rank], exact[(int) match.id() - 1000], TOLERANCE);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyBackendReturnsTheSameIdsAsPlainJava(ComputeBackend backend) {
        int dimensions = 64;
        Random random = new Random(11);
        float[][] vectors = randomVectors(random, 2500, dimensions);
        float[][] queries = randomVectors(random, 5, dimensions);
        try (SimilarityIndex reference = Backends.of(ComputeBackend.JAVA).newIndex(dimensions, Similarity.COSINE, 512);
                SimilarityIndex index = Backends.of(backend).newIndex(dimensions, Similarity.COSINE, 512)) {
            for (int i = 0; i < vectors.length; i++) {
                reference.add(i, vectors[i]);
                index.add(i, vectors[i]);
            }
            for (float[] query : queries) {
                assertEquals(ids(reference.search(query, 5)), ids(index.search(query, 5)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aStoredVectorIsItsOwnBestMatchAsTheIndexGrowsOneByOne(ComputeBackend backend) {
        Random random = new Random(3);
        try (SimilarityIndex index = Backends.of(backend).newIndex(16, Similarity.COSINE, 64)) {
            for (int i = 0; i < 200; i++) {
                float[] vector = randomVectors(random, 1, 16)[0];
                index.add(i, vector);
                List<Match> best = index.search(vector, 3);
                assertEquals(i, best.get(0).id(), "after adding vector " + i);
                assertEquals(1f, best.get(0).score(), TOLERANCE);
                assertEquals(Math.min(3, i + 1), best.size());
            }
            assertEquals(200, index.size());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void removedAndReplacedVectorsAreNoLongerFound(ComputeBackend backend) {
        try (SimilarityIndex index = Backends.of(backend).newIndex(3, Similarity.COSINE, 64)) {
            index.add(1, new float[] {1, 0, 0});
            index.add(2, new float[] {0.9f, 0.1f, 0});
            index.add(3, new float[] {0, 1, 0});

            assertTrue(index.remove(1));
            assertFalse(index.remove(1));
            assertEquals(List.of(2L, 3L), ids(index.search(new float[] {1, 0, 0}, 5)));

            index.add(2, new float[] {0, 0, 1});
            assertEquals(2, index.size());
            List<Match> matches = index.search(new float[] {0, 0, 5}, 5);
            assertEquals(List.of(2L, 3L), ids(matches));
            assertEquals(1f, matches.get(0).score(), TOLERANCE);
            assertEquals(0f, matches.get(1).score(), TOLERANCE);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void equalScoresComeInTheOrderTheVectorsWereAdded(ComputeBackend backend) {
        try (SimilarityIndex index = Backends.of(backend).newIndex(2, Similarity.COSINE, 64)) {
            index.add(50, new float[] {0, 1});
            index.add(9, new float[] {1, 1});
            index.add(7, new float[] {2, 2});
            index.add(8, new float[] {3, 3});
            assertEquals(List.of(9L, 7L, 8L, 50L), ids(index.search(new float[] {1, 1}, 4)));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void innerProductScoresTheVectorsAsStored(ComputeBackend backend) {
        try (SimilarityIndex index = Backends.of(backend).newIndex(2, Similarity.INNER_PRODUCT, 64)) {
            index.add(1, new float[] {1, 0});
            index.add(2, new float[] {10, 0});
            index.add(3, new float[] {-3, 4});
            List<Match> matches = index.search(new float[] {2, 1}, 3);
            assertEquals(List.of(2L, 1L, 3L), ids(matches));
            assertEquals(20f, matches.get(0).score(), TOLERANCE);
            assertEquals(-2f, matches.get(2).score(), TOLERANCE);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anEmptyIndexFindsNothingAndBadInputIsRefused(ComputeBackend backend) {
        try (SimilarityIndex index = Backends.of(backend).newIndex(4, Similarity.COSINE, 64)) {
            assertEquals(List.of(List.of(), List.of()), index.search(new float[][] {{1, 0, 0, 0}, {0, 1, 0, 0}}, 3));

            assertThrows(IllegalArgumentException.class, () -> index.add(1, new float[] {1, 2, 3}));
            assertThrows(IllegalArgumentException.class, () -> index.add(1, new float[] {1, Float.NaN, 0, 0}));
            assertThrows(IllegalArgumentException.class, () -> index.add(1, new float[4]));
            assertThrows(IllegalArgumentException.class, () -> index.search(new float[] {1, 0, 0, 0}, 0));
            assertThrows(IllegalArgumentException.class,
                    () -> index.search(new float[] {1, 0, 0, 0}, SimilarityIndex.MAX_K + 1));
            assertEquals(0, index.size());
        }
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(Match::id).toList();
    }

    private static float[][] randomVectors(Random random, int count, int dimensions) {
        float[][] vectors = new float[count][dimensions];
        for (float[] vector : vectors) {
            for (int d = 0; d < dimensions; d++) {
                vector[d] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    private static double[] exactCosines(float[][] vectors, float[] query) {
        double[] cosines = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double dot = 0;
            double a = 0;
            double b = 0;
            for (int d = 0; d < query.length; d++) {
                dot += (double) vectors[i][d] * query[d];
                a += (double) vectors[i][d] * vectors[i][d];
                b += (double) query[d] * query[d];
            }
            cosines[i] = dot / Math.sqrt(a * b);
        }
        return cosines;
    }
}
