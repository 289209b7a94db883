package dev.helix.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.compute.model.ComputeBackend;
import java.util.stream.Stream;

/** The three backends under test. The OpenCL one must really be there: CI installs PoCL for it. */
final class Backends {

    private Backends() {
    }

    static Stream<ComputeBackend> all() {
        return Stream.of(ComputeBackend.JAVA, ComputeBackend.VECTOR, ComputeBackend.APARAPI);
    }

    static ComputeBackends of(ComputeBackend backend) {
        ComputeBackends backends = ComputeBackends.choose(backend);
        assertEquals(backend, backends.choice().backend(), () -> "Backend " + backend + " is not available here: "
                + backends.choice().note() + ". The OpenCL tests need an OpenCL runtime: "
                + "apt-get install pocl-opencl-icd ocl-icd-libopencl1");
        return backends;
    }
}
