package dev.helix.benchmarks.kernels;

import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyParameters;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.AnomalyScores;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.SeriesBlock;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Anomaly scores of {@code series} (10,000) seeded random walks of 1,024 points with a few spikes, window 64,
 * z-score and robust, on every backend: a scan in steady state; the first scan of a fresh
 * {@link AnomalyScan} in a fresh JVM (for APARAPI this translates and builds the OpenCL kernel); and, as the
 * bandwidth reference, a streaming read of the same floats.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {KernelData.VECTOR_API, KernelData.HEAP})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
public class AnomalyScanBenchmark {

    static final int LENGTH = 1024;
    static final int WINDOW = 64;
    static final float THRESHOLD = 4f;

    /** The series, one after another. */
    @State(Scope.Benchmark)
    public static class Block {

        @Param("10000")
        public int series;

        SeriesBlock block;

        @Setup
        public void generate() {
            block = KernelData.series(series, LENGTH);
        }
    }

    /** One backend's scan, not run before the first measured call, and what it computes. */
    @State(Scope.Benchmark)
    public static class Scanner {

        @Param({"JAVA", "VECTOR", "APARAPI"})
        public ComputeBackend backend;

        @Param({"ZSCORE", "ROBUST"})
        public AnomalyMethod method;

        AnomalyScan scan;
        AnomalyParameters parameters;

        @Setup
        public void choose() {
            scan = KernelData.backend(backend).newAnomalyScan();
            parameters = new AnomalyParameters(WINDOW, method, THRESHOLD);
        }
    }

    @Benchmark
    public AnomalyScores scan(Scanner scanner, Block block) {
        return scanner.scan.scan(block.block, scanner.parameters);
    }

    /** One scan per fresh JVM: three forks, each one call, nothing before it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 3, jvmArgsAppend = {KernelData.VECTOR_API, KernelData.HEAP})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public AnomalyScores firstScan(Scanner scanner, Block block) {
        return scanner.scan.scan(block.block, scanner.parameters);
    }

    @Benchmark
    public double streamingRead(Block block) {
        return KernelData.streamingSum(block.block.values());
    }
}
