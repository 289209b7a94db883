package dev.helix.compute.model;

/** How a similarity index compares vectors. */
public enum Similarity {
    /** The cosine of the angle: vectors and queries are normalised to unit length, scores lie in [-1, 1]. */
    COSINE,
    /** The plain inner product of the vectors as stored. */
    INNER_PRODUCT
}
