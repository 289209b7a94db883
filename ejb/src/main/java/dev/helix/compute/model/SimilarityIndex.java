package dev.helix.compute.model;

import java.util.List;

/**
 * Exact top-k similarity search over stored vectors, the same contract on every {@link ComputeBackend}.
 *
 * <p>Results are ordered best first; equal scores are ordered by insertion (the vector added earlier first).
 * Vectors are added one at a time and the index grows by appending: what is already stored (on a device too)
 * is not copied again. Searches may run concurrently with each other; changes wait for searches under way.
 */
public interface SimilarityIndex extends AutoCloseable {

    /** The largest k a search accepts. */
    int MAX_K = 64;

    /** The number of components of every vector and query. */
    int dimensions();

    Similarity similarity();

    /** The backend that computes the scores. */
    ComputeBackend backend();

    /** The number of vectors stored (removed ones not counted). */
    int size();

    /**
     * Stores a vector under an id; a vector already stored under that id is replaced.
     *
     * @throws IllegalArgumentException if its length is not {@link #dimensions()}, a component is not finite,
     *     or (for {@link Similarity#COSINE}) it is all zeros
     */
    void add(long id, float[] vector);

    /** Whether a vector is stored under an id. */
    boolean contains(long id);

    /** Removes the vector stored under an id; answers whether there was one. */
    boolean remove(long id);

    /** The k best matches of one query, best first (fewer when fewer vectors are stored). */
    default List<Match> search(float[] query, int k) {
        return search(new float[][] {query}, k).get(0);
    }

    /** The k best matches of each query of a batch, in the order of the queries. */
    List<List<Match>> search(float[][] queries, int k);

    /** Frees what the index holds outside the Java heap (device buffers). */
    @Override
    void close();
}
