/**
 * Spirals, their saved versions, their runs and the record of each step, and the signing of webhook bodies.
 */
package dev.helix.spirals.model;
