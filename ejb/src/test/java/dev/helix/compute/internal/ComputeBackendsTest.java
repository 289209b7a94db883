package dev.helix.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helix.compute.model.BackendChoice;
import dev.helix.compute.model.ComputeBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @Test
    void openClIsLeftAloneInAJvmWhoseSignalHandlersAreNotChained() throws Exception {
        assertTrue(SignalChaining.inPlace(), "the tests run with the JDK's libjsig.so preloaded (see ejb/pom.xml)");
        String javaHome = System.getProperty("java.home");
        Path printed = Files.createTempFile("backend-choice", ".txt");
        ProcessBuilder plainJvm = new ProcessBuilder(Path.of(javaHome, "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                BackendChoiceProbe.class.getName(), "aparapi").redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(printed.toFile());
        plainJvm.environment().remove("LD_PRELOAD");

        Process probe = plainJvm.start();
        if (!probe.waitFor(60, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            fail("the probe JVM did not end within a minute");
        }

        assertEquals(List.of("VECTOR", "OpenCL is not used without signal chaining (an OpenCL runtime built on LLVM "
                + "takes over the JVM's crash signals, and a later null check kills the server); to use it, start the "
                + "JVM with LD_PRELOAD=" + Path.of(javaHome, "lib", "libjsig.so")), Files.readAllLines(printed));
        Files.delete(printed);
    }
}
