/**
 * The spec-driven task, its documents, checklist, approval gates and work orders, and the lifecycle rules
 * that say which status changes are legal (TaskLifecycle).
 */
package dev.helix.tasks.model;
