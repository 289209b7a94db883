package dev.helix.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.compute.model.BackendChoice;
import dev.helix.compute.model.ComputeBackend;
import org.junit.jupiter.api.Test;

class ComputeBackendsTest {

    @Test
    void autoTakesAnOpenClGpuElseTheVectorApiAndSaysWhy() {
        BackendChoice choice = ComputeBackends.choose(ComputeBackend.AUTO).choice();

        assertEquals(ComputeBackend.AUTO, choice.requested());
        if (OpenClDevices.gpu().isPresent()) {
            assertEquals(ComputeBackend.APARAPI, choice.backend());
            assertTrue(choice.device().startsWith("GPU"), choice.device());
        } else {
            assertEquals(ComputeBackend.VECTOR, choice.backend());
            assertEquals("no OpenCL GPU", choice.note());
        }
    }

    @Test
    void aparapiTakesAnOpenClCpuDeviceWhenThereIsNoGpu() {
        BackendChoice choice = ComputeBackends.choose(ComputeBackend.APARAPI).choice();

        assertEquals(ComputeBackend.APARAPI, choice.backend(), choice.note());
        assertEquals("", choice.note());
        assertTrue(choice.device().matches("(GPU|CPU|ACC) .+ \\(.+, \\d+ compute units\\)"), choice.device());
    }

    @Test
    void configuredNamesAreReadInAnyCaseAndUnknownOnesListTheKnown() {
        assertEquals(ComputeBackend.VECTOR, ComputeBackend.parse(" Vector "));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ComputeBackend.parse("cuda"));
        assertEquals("Unknown compute backend 'cuda'; known: auto, aparapi, vector, java", unknown.getMessage());
        assertEquals(ComputeBackend.JAVA, ComputeBackends.choose(ComputeBackend.JAVA).choice().backend());
    }
}
