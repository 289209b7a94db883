package dev.helix.benchmarks.kernels;

import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Match;
import dev.helix.compute.model.Similarity;
import dev.helix.compute.model.SimilarityIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact top-10 similarity search over {@code vectors} (1,000,000) seeded unit-ish vectors of 384 components, by
 * inner product (the vectors are stored as generated, no normalised copy), on every backend: one query and a
 * batch of 32 in steady state; the first search of a fresh index in a fresh JVM (for APARAPI this translates
 * and builds the OpenCL kernel and uploads the vectors); and, as the bandwidth reference, a streaming read of
 * the same floats.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {KernelData.VECTOR_API, KernelData.HEAP})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SimilarityBenchmark {

    static final int DIMENSIONS = 384;
    static final int K = 10;
    static final int BATCH = 32;

    /** The vectors, one after another, as the index stores them and the streaming read reads them. */
    @State(Scope.Benchmark)
    public static class Vectors {

        @Param("1000000")
        public int vectors;

        float[] values;

        @Setup
        public void generate() {
            values = KernelData.vectors(vectors, DIMENSIONS, 0);
        }
    }

    /** Every vector in an index of one backend, not searched before the first measured call; 32 queries. */
    @State(Scope.Benchmark)
    public static class Index {

        @Param({"JAVA", "VECTOR", "APARAPI"})
        public ComputeBackend backend;

        SimilarityIndex index;
        float[][] queries;

        @Setup
        public void build(Vectors vectors) {
            index = KernelData.backend(backend).newIndex(DIMENSIONS, Similarity.INNER_PRODUCT);
            float[] row = new float[DIMENSIONS];
            for (int r = 0; r < vectors.vectors; r++) {
                System.arraycopy(vectors.values, r * DIMENSIONS, row, 0, DIMENSIONS);
                index.add(r, row);
            }
            queries = new float[BATCH][];
            for (int q = 0; q < BATCH; q++) {
                queries[q] = KernelData.vectors(1, DIMENSIONS, 1 + q);
            }
        }

        @TearDown
        public void close() {
            index.close();
        }
    }

    @Benchmark
    public List<Match> searchOne(Index index) {
        return index.index.search(index.queries[0], K);
    }

    @Benchmark
    public List<List<Match>> searchBatch32(Index index) {
        return index.index.search(index.queries, K);
    }

    /** One search per fresh JVM: three forks, each one call, nothing before it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 3, jvmArgsAppend = {KernelData.VECTOR_API, KernelData.HEAP})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public List<Match> firstSearch(Index index) {
        return index.index.search(index.queries[0], K);
    }

    @Benchmark
    public double streamingRead(Vectors vectors) {
        return KernelData.streamingSum(vectors.values);
    }
}
