package dev.helix.compute.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a compute kernel runs. {@link #AUTO} picks an OpenCL GPU through Aparapi when one is present, else the
 * Java Vector API, else plain Java.
 */
public enum ComputeBackend {
    /** An OpenCL GPU if present, else the Vector API, else plain Java. */
    AUTO,
    /** Aparapi on an OpenCL device: a GPU, else an OpenCL CPU device such as PoCL. */
    APARAPI,
    /** The Java Vector API ({@code jdk.incubator.vector}) on this JVM's CPU cores. */
    VECTOR,
    /** Plain Java on this JVM's CPU cores: the reference every other backend is tested against. */
    JAVA;

    /** Reads a configured name ({@code auto}, {@code aparapi}, {@code vector}, {@code java}; any case). */
    public static ComputeBackend parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compute backend '" + name + "'; known: "
                    + Arrays.stream(values()).map(b -> b.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")), e);
        }
    }
}
