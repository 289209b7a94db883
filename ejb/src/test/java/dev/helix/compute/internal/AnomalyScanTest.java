package dev.helix.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyParameters;
import dev.helix.compute.model.AnomalyScores;
import dev.helix.compute.model.AnomalyScores.Flag;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.SeriesBlock;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnomalyScanTest {

    static Stream<Arguments> backendsAndMethods() {
        return Backends.all().flatMap(b -> Stream.of(AnomalyMethod.values()).map(m -> Arguments.of(b, m)));
    }

    @ParameterizedTest
    @MethodSource("backendsAndMethods")
    void everyBackendScoresLikeThePlainJavaReference(ComputeBackend backend, AnomalyMethod method) {
        SeriesBlock block = noisyWalks(new Random(5), 70, 300);
        for (int window : new int[] {15, 16}) {
            AnomalyParameters parameters = new AnomalyParameters(window, method, 4f);
            AnomalyScores reference = Backends.of(ComputeBackend.JAVA).newAnomalyScan().scan(block, parameters);
            AnomalyScores scores = Backends.of(backend).newAnomalyScan().scan(block, parameters);
            for (int s = 0; s < block.series(); s++) {
                for (int t = 0; t < block.length(); t++) {
                    float expected = reference.score(s, t);
                    assertEquals(expected, scores.score(s, t), 2e-3f * Math.max(1f, Math.abs(expected)),
                            backend + " " + method + " window " + window + " series " + s + " point " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("backendsAndMethods")
    void spikesAreFlaggedWhereTheyAreAndCalmPointsAreNot(ComputeBackend backend, AnomalyMethod method) {
        Random random = new Random(9);
        int series = 40;
        int length = 200;
        float[] values = new float[series * length];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 + (float) random.nextGaussian();
        }
        values[3 * length + 120] += 25;
        values[17 * length + 60] -= 30;
        values[39 * length + 199] += 40;

        AnomalyScores scores = Backends.of(backend).newAnomalyScan()
                .scan(new SeriesBlock(series, length, values), new AnomalyParameters(32, method, 8f));

        List<Flag> flags = scores.flags();
        assertEquals(List.of(3, 17, 39), flags.stream().map(Flag::series).toList(), flags::toString);
        assertEquals(List.of(120, 60, 199), flags.stream().map(Flag::index).toList());
        assertTrue(flags.get(1).score() < -8f, "a drop scores negative");
        assertTrue(scores.flagged(3, 120));
    }

    @ParameterizedTest
    @MethodSource("backendsAndMethods")
    void aStepAfterAFlatStretchScoresHighAndPointsBeforeTheFirstWindowAreNotScored(ComputeBackend backend,
            AnomalyMethod method) {
        float[] values = new float[40];
        java.util.Arrays.fill(values, 0, 30, 5f);
        java.util.Arrays.fill(values, 30, 40, 6f);

        AnomalyScores scores = Backends.of(backend).newAnomalyScan()
                .scan(new SeriesBlock(1, 40, values), new AnomalyParameters(10, method, 3f));

        for (int t = 0; t < 10; t++) {
            assertEquals(0f, scores.score(0, t));
        }
        assertEquals(0f, scores.score(0, 29));
        assertTrue(scores.score(0, 30) > 1e5f, "a step after a flat window scores " + scores.score(0, 30));
        assertEquals(30, scores.flags().get(0).index());
    }

    @Test
    void theRobustScoreSeesASecondSpikeThatTheZScoreMissesBehindTheFirst() {
        Random random = new Random(1);
        float[] values = new float[120];
        for (int t = 0; t < values.length; t++) {
            values[t] = 10 + 0.5f * (float) random.nextGaussian();
        }
        values[100] = 40;
        values[103] = 40;
        SeriesBlock block = new SeriesBlock(1, values.length, values);

        for (ComputeBackend backend : Backends.all().toList()) {
            ComputeBackends backends = Backends.of(backend);
            AnomalyScores z = backends.newAnomalyScan().scan(block, new AnomalyParameters(20, AnomalyMethod.ZSCORE, 6f));
            AnomalyScores robust = backends.newAnomalyScan()
                    .scan(block, new AnomalyParameters(20, AnomalyMethod.ROBUST, 6f));
            assertTrue(z.flagged(0, 100) && !z.flagged(0, 103), backend + ": the first spike inflates the deviation");
            assertTrue(robust.flagged(0, 100) && robust.flagged(0, 103), backend + ": the median ignores it");
        }
    }

    @Test
    void parametersAndBlocksAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new AnomalyParameters(1, AnomalyMethod.ZSCORE, 3f));
        assertThrows(IllegalArgumentException.class,
                () -> new AnomalyParameters(AnomalyParameters.MAX_WINDOW + 1, AnomalyMethod.ZSCORE, 3f));
        assertThrows(IllegalArgumentException.class, () -> new AnomalyParameters(8, AnomalyMethod.ROBUST, 0f));
        assertThrows(IllegalArgumentException.class, () -> new SeriesBlock(2, 3, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> new SeriesBlock(1, 2, new float[] {1, Float.NaN}));
    }

    private static SeriesBlock noisyWalks(Random random, int series, int length) {
        float[] values = new float[series * length];
        for (int s = 0; s < series; s++) {
            float level = 50 * s;
            for (int t = 0; t < length; t++) {
                level += (float) random.nextGaussian();
                // Some repeated values, so the sorted windows hold duplicates.
                values[s * length + t] = t % 7 == 0 ? Math.round(level) : level + (t % 50 == 49 ? 20 : 0);
            }
        }
        return new SeriesBlock(series, length, values);
    }
}
