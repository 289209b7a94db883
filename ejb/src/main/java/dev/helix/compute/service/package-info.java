/**
 * ComputeKernels, which picks this server's compute backend once (an OpenCL GPU, else the Java Vector API,
 * else plain Java) and provides its kernels to analytics and memory.
 */
package dev.helix.compute.service;
