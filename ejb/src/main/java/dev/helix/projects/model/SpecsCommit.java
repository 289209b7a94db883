package dev.helix.projects.model;

import java.time.Instant;

/**
 * One commit of the {@code helix-specs} branch that touched a folder: its id, first line, who made the change and
 * when, and the Helix trailers it carries ({@code Helix-Status}, {@code Helix-Revision}).
 */
public record SpecsCommit(String commit, String message, String actor, Instant at, String status, Long revision) {
}
