/**
 * The safe expression language spirals use for conditions and computed values (Expression), and text
 * templates with {@code ${...}} placeholders (Template).
 */
package dev.helix.spirals.model.expression;
