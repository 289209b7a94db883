/**
 * The backends behind the compute kernels: plain Java, Java Vector API and Aparapi/OpenCL versions of the
 * anomaly scan and the similarity index, with their OpenCL kernels and shared helpers.
 */
package dev.helix.compute.internal;
