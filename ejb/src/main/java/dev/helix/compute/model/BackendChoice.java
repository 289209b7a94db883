package dev.helix.compute.model;

/**
 * The backend the compute kernels run on, how it was chosen, and on what: {@code requested} is the configured
 * backend, {@code backend} the one in use, {@code device} the hardware in words, {@code note} why the two
 * differ (empty when they do not).
 */
public record BackendChoice(ComputeBackend requested, ComputeBackend backend, String device, String note) {
}
