package dev.helix.projects.model;

import java.time.Instant;
import java.util.Map;

/**
 * What one commit of the {@code helix-specs} branch holds: a folder's files as they are now, who changed them and
 * why, and the trailers that let the commit be found again ({@code Helix-Revision}).
 *
 * @param files the folder's files by name; the folder is replaced by exactly these
 */
public record SpecsPublication(String folder, Map<String, String> files, String message, String actor, Instant at,
                               String status, long revision) {
}
