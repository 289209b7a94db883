/**
 * Rituals, the registered stages they are made of (RitualStage), their runs and per-stage progress, and the
 * records they leave, such as the fleet health figures a Z-88 run seals.
 */
package dev.helix.rituals.model;
