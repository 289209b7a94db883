package dev.helix.compute.model;

/** One result of a similarity search: a stored vector's id and its score against the query. */
public record Match(long id, float score) {
}
