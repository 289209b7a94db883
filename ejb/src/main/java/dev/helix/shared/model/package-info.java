/**
 * Values and rules every context uses: fleet events, strict reading of JSON from outside, names, instant
 * ranges, enum choices and text abbreviation.
 */
package dev.helix.shared.model;
