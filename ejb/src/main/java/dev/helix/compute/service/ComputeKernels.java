package dev.helix.compute.service;

import dev.helix.compute.internal.ComputeBackends;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.BackendChoice;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.Similarity;
import dev.helix.compute.model.SimilarityIndex;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The compute kernels of this server, on the backend {@code helix.compute.backend} asks for ({@code auto} by
 * default: an OpenCL GPU, else the Java Vector API). The choice is made once and logged.
 */
@ApplicationScoped
public class ComputeKernels {

    private static final Logger LOG = Logger.getLogger(ComputeKernels.class.getName());

    @Inject
    @ConfigProperty(name = "helix.compute.backend", defaultValue = "auto")
    String configuredBackend;

    private ComputeBackends backends;
    private AnomalyScan anomalyScan;

    @PostConstruct
    void choose() {
        ComputeBackend requested = ComputeBackend.AUTO;
        try {
            requested = ComputeBackend.parse(configuredBackend);
        } catch (IllegalArgumentException e) {
            LOG.severe("helix.compute.backend: " + e.getMessage() + "; using auto");
        }
        backends = ComputeBackends.choose(requested);
        BackendChoice choice = backends.choice();
        LOG.info(() -> "Compute kernels run on " + choice.backend() + " (" + choice.device() + ")"
                + (choice.note().isEmpty() ? "" : "; requested " + choice.requested() + ": " + choice.note()));
    }

    public BackendChoice choice() {
        return backends.choice();
    }

    /** A new, empty similarity index on the chosen backend. */
    public SimilarityIndex newIndex(int dimensions, Similarity similarity) {
        return backends.newIndex(dimensions, similarity);
    }

    /** The anomaly scan of the chosen backend (its kernels are built on first use). */
    public synchronized AnomalyScan anomalyScan() {
        if (anomalyScan == null) {
            anomalyScan = backends.newAnomalyScan();
        }
        return anomalyScan;
    }
}
