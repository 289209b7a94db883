/**
 * The spiral use cases: the catalogue of spirals and their versions, starting, stopping and restarting runs,
 * and running a run's steps inside its batch job (SpiralExecutor).
 */
package dev.helix.spirals.service;
