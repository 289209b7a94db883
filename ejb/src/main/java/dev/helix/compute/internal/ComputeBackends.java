package dev.helix.compute.internal;

import com.aparapi.device.OpenCLDevice;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.BackendChoice;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Similarity;
import dev.helix.compute.model.SimilarityIndex;
import java.util.Optional;

/**
 * Chooses a backend and makes its kernels. {@code AUTO} takes an OpenCL GPU, else the Vector API, else plain
 * Java; {@code APARAPI} takes the best OpenCL device (a GPU, else e.g. PoCL's CPU device). OpenCL is used only
 * where the JVM's signal handlers are chained ({@link SignalChaining}). A backend that cannot run here gives way
 * to the next, and the choice says why.
 */
public final class ComputeBackends {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private final BackendChoice choice;
    private final OpenCLDevice device;

    private ComputeBackends(BackendChoice choice, OpenCLDevice device) {
        this.choice = choice;
        this.device = device;
    }

    /** Resolves a requested backend against what this machine has. */
    public static ComputeBackends choose(ComputeBackend requested) {
        String cpu = Runtime.getRuntime().availableProcessors() + " CPU cores";
        String note = "";
        if (requested == ComputeBackend.AUTO || requested == ComputeBackend.APARAPI) {
            if (!SignalChaining.inPlace()) {
                note = "OpenCL is not used without signal chaining (an OpenCL runtime built on LLVM takes over the "
                        + "JVM's crash signals, and a later null check kills the server); to use it, "
                        + SignalChaining.remedy();
            } else {
                Optional<OpenCLDevice> device = requested == ComputeBackend.AUTO ? OpenClDevices.gpu()
                        : OpenClDevices.best();
                if (device.isPresent()) {
                    return new ComputeBackends(new BackendChoice(requested, ComputeBackend.APARAPI,
                            OpenClDevices.describe(device.get()), ""), device.get());
                }
                note = requested == ComputeBackend.AUTO ? "no OpenCL GPU"
                        : "no OpenCL device (is an OpenCL runtime such as pocl-opencl-icd installed?)";
            }
        }
        if (requested != ComputeBackend.JAVA) {
            if (vectorApiPresent()) {
                return new ComputeBackends(new BackendChoice(requested, ComputeBackend.VECTOR, cpu, note), null);
            }
            note = (note.isEmpty() ? "" : note + "; ") + "the Vector API needs --add-modules " + VECTOR_MODULE;
        }
        return new ComputeBackends(new BackendChoice(requested, ComputeBackend.JAVA, cpu, note), null);
    }

    public BackendChoice choice() {
        return choice;
    }

    /** A new, empty index with segments sized for the dimension. */
    public SimilarityIndex newIndex(int dimensions, Similarity similarity) {
        return newIndex(dimensions, similarity, SegmentedIndex.defaultSegmentRows(dimensions));
    }

    /** A new, empty index with segments of {@code segmentRows} rows (a power of two). */
    public SimilarityIndex newIndex(int dimensions, Similarity similarity, int segmentRows) {
        return switch (choice.backend()) {
            case APARAPI -> new AparapiSimilarityIndex(device, dimensions, similarity, segmentRows);
            case VECTOR -> new VectorSimilarityIndex(dimensions, similarity, segmentRows);
            default -> new JavaSimilarityIndex(dimensions, similarity, segmentRows);
        };
    }

    /** The anomaly scan of this backend. */
    public AnomalyScan newAnomalyScan() {
        return switch (choice.backend()) {
            case APARAPI -> new AparapiAnomalyScan(device);
            case VECTOR -> new VectorAnomalyScan();
            default -> new JavaAnomalyScan();
        };
    }

    private static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }
}
