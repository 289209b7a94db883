package dev.helix.compute.internal;

import com.aparapi.Kernel;
import com.aparapi.device.Device;
import com.aparapi.device.OpenCLDevice;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenCL devices Aparapi sees; none when there is no OpenCL runtime (no ICD loader or no platform). Their
 * buffers hold copies: Aparapi would otherwise lend the device the Java arrays' memory itself
 * ({@code CL_MEM_USE_HOST_PTR}), which the garbage collector may move between a kernel's run and the reading of
 * its results, leaving the results to be read from where the array was.
 */
final class OpenClDevices {

    private static final Logger LOG = Logger.getLogger(OpenClDevices.class.getName());
    private static final int WORK_GROUP = 64;

    private OpenClDevices() {
    }

    /** The first OpenCL GPU. */
    static Optional<OpenCLDevice> gpu() {
        return list(Device.TYPE.GPU).stream().findFirst();
    }

    /** The first OpenCL GPU, else the first other OpenCL device (an accelerator, or a CPU device such as PoCL). */
    static Optional<OpenCLDevice> best() {
        return gpu().or(() -> list(Device.TYPE.ACC).stream().findFirst())
                .or(() -> list(Device.TYPE.CPU).stream().findFirst());
    }

    /**
     * Runs a kernel's passes over at least {@code items} work-items, in groups of {@value #WORK_GROUP}; only on
     * OpenCL.
     */
    static void execute(Kernel kernel, OpenCLDevice device, int items, int passes, String what) {
        int global = Math.max(WORK_GROUP, (items + WORK_GROUP - 1) / WORK_GROUP * WORK_GROUP);
        kernel.execute(device.createRange(global, WORK_GROUP), passes);
        if (!kernel.isRunningCL()) {
            throw new IllegalStateException("The " + what + " kernel did not run on OpenCL device " + describe(device)
                    + " (Aparapi fell back to Java; see its log for the reason)");
        }
    }

    /** A device in words, for logs and status pages. */
    static String describe(OpenCLDevice device) {
        return device.getType() + " " + device.getName().trim() + " (" + device.getOpenCLPlatform().getName().trim()
                + ", " + device.getMaxComputeUnits() + " compute units)";
    }

    private static List<OpenCLDevice> list(Device.TYPE type) {
        try {
            List<OpenCLDevice> devices = OpenCLDevice.listDevices(type);
            devices.forEach(device -> device.setSharedMemory(false));
            return devices;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No OpenCL devices of type " + type, e);
            return List.of();
        }
    }
}
