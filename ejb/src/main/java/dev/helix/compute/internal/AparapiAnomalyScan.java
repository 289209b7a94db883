package dev.helix.compute.internal;

import com.aparapi.Kernel;
import com.aparapi.device.OpenCLDevice;
import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyParameters;
import dev.helix.compute.model.AnomalyScan;
import dev.helix.compute.model.AnomalyScores;
import dev.helix.compute.model.ComputeBackend;
import dev.helix.compute.model.SeriesBlock;

/**
 * The Aparapi/OpenCL backend: {@link ZScoreKernel} (a work-item per point) or {@link RobustScoreKernel} (a
 * work-item per series). The kernels are built once and reused; a scan uploads the block and reads the scores
 * back. Scans take turns on the device.
 */
final class AparapiAnomalyScan implements AnomalyScan {


    private final OpenCLDevice device;
    private final ZScoreKernel zScores = new ZScoreKernel();
    private final RobustScoreKernel robustScores = new RobustScoreKernel();

    AparapiAnomalyScan(OpenCLDevice device) {
        this.device = device;
        zScores.setExplicit(true);
        robustScores.setExplicit(true);
    }

    @Override
    public ComputeBackend backend() {
        return ComputeBackend.APARAPI;
    }

    @Override
    public synchronized AnomalyScores scan(SeriesBlock block, AnomalyParameters parameters) {
        float[] scores = new float[block.values().length];
        if (parameters.method() == AnomalyMethod.ZSCORE) {
            zScores.values = block.values();
            zScores.scores = scores;
            zScores.series = block.series();
            zScores.length = block.length();
            zScores.window = parameters.window();
            run(zScores, block.series() * block.length(), block.values(), scores);
        } else {
            robustScores.values = block.values();
            robustScores.scores = scores;
            robustScores.series = block.series();
            robustScores.length = block.length();
            robustScores.window = parameters.window();
            run(robustScores, block.series(), block.values(), scores);
        }
        return new AnomalyScores(block.series(), block.length(), parameters, scores);
    }

    private void run(Kernel kernel, int items, float[] values, float[] scores) {
        kernel.put(values).put(scores);
        OpenClDevices.execute(kernel, device, items, 1, "anomaly");
        kernel.get(scores);
    }
}
