package dev.helix.shared.error;

/**
 * One problem with one part of the input, e.g. {@code steps[2].type}: {@code 'FOO' is not a step type}. A
 * validation problem lists every one of them.
 *
 * @param field   where in the input, in JSON path-like notation
 * @param message what is wrong there
 */
public record FieldError(String field, String message) {
}
