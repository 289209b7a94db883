package dev.helix.compute.internal;

/**
 * The scoring rule every anomaly backend applies once it knows a window's centre and spread. (The OpenCL
 * kernels repeat these two lines: Aparapi translates only the kernel class's own methods.)
 */
final class WindowScore {

    /** Scales a median absolute deviation to the standard deviation of normally distributed data. */
    static final float MAD_SCALE = 1.4826f;

    private WindowScore() {
    }

    /** {@code (x - centre) / spread}, the spread floored at {@code 1e-6 * (1 + |centre|)}. */
    static float of(float x, float centre, float spread) {
        return (x - centre) / Math.max(spread, 1e-6f * (1f + Math.abs(centre)));
    }
}
