/**
 * The compute kernels' contracts and values: the anomaly scan over many time series (AnomalyScan), exact
 * top-k similarity search (SimilarityIndex), and the backend they run on (ComputeBackend).
 */
package dev.helix.compute.model;
