/**
 * REST resources for spec-driven tasks: create, list, read, decide gates, cancel, and follow progress and
 * history.
 */
package dev.helix.web.api.tasks;
