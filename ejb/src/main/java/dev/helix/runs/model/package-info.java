/**
 * The batch run shared by spiral and ritual runs (BatchRun), its status, and the events that queue a run and
 * ask it to stop.
 */
package dev.helix.runs.model;
