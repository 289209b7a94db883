package dev.helix.benchmarks.kernels;

import dev.helix.compute.internal.ComputeBackends;
import dev.helix.compute.model.BackendChoice;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.SeriesBlock;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * What the kernel benchmarks share: the JVM options of their forks, the seeded data they work on, the backend
 * they ask for (never a fallback), and the streaming read that measures this machine's read bandwidth.
 */
final class KernelData {

    /** Every fork needs the Vector API module (the VECTOR backend, the streaming read). */
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";
    /** The 1M × 384 vectors are 1.5 GB, held twice (the generated array and the index). */
    static final String HEAP = "-Xmx6g";

    private static final long SEED = 5;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** Floats one task of the streaming read sums (4 MiB). */
    private static final int READ_CHUNK = 1 << 20;

    private KernelData() {
    }

    /**
     * {@code count} vectors of {@code dimensions} components one after another, each component uniform in
     * ±√(3 / dimensions) so that a vector's expected length is 1; another {@code stream} gives other vectors.
     */
    static float[] vectors(int count, int dimensions, long stream) {
        SplittableRandom random = new SplittableRandom(SEED + stream);
        float bound = (float) Math.sqrt(3.0 / dimensions);
        float[] values = new float[Math.multiplyExact(count, dimensions)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound, bound);
        }
        return values;
    }

    /** Random walks (standard normal steps), each with a few spikes of 8 to 12 steps' size. */
    static SeriesBlock series(int series, int length) {
        SplittableRandom random = new SplittableRandom(SEED);
        float[] values = new float[Math.multiplyExact(series, length)];
        for (int s = 0; s < series; s++) {
            int base = s * length;
            double level = 0;
            for (int t = 0; t < length; t++) {
                level += random.nextGaussian();
                values[base + t] = (float) level;
            }
            for (int spike = 0; spike < 3; spike++) {
                values[base + random.nextInt(length)] += (float) ((random.nextBoolean() ? 1 : -1)
                        * random.nextDouble(8, 12));
            }
        }
        return new SeriesBlock(series, length, values);
    }

    /** The requested backend; fails if this machine would give another (APARAPI must run on OpenCL). */
    static ComputeBackends backend(ComputeBackend requested) {
        ComputeBackends backends = ComputeBackends.choose(requested);
        BackendChoice choice = backends.choice();
        if (choice.backend() != requested) {
            throw new IllegalStateException("Backend " + requested + " is not available here (got "
                    + choice.backend() + ": " + choice.note() + ")");
        }
        System.out.println("Backend " + choice.backend() + " on " + choice.device());
        return backends;
    }

    /** Sums every float on all cores with the Vector API: a read of the array at the memory's pace. */
    static double streamingSum(float[] values) {
        int chunks = (values.length + READ_CHUNK - 1) / READ_CHUNK;
        return IntStream.range(0, chunks).parallel()
                .mapToDouble(c -> sum(values, c * READ_CHUNK, Math.min(values.length, (c + 1) * READ_CHUNK)))
                .sum();
    }

    /** Four accumulators, so the adds do not wait on each other and the loads set the pace. */
    private static float sum(float[] values, int from, int to) {
        int step = SPECIES.length();
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = from;
        for (; i + 4 * step <= to; i += 4 * step) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, values, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, values, i + step));
            s2 = s2.add(FloatVector.fromArray(SPECIES, values, i + 2 * step));
            s3 = s3.add(FloatVector.fromArray(SPECIES, values, i + 3 * step));
        }
        float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }
}
