/**
 * Notification, a notice for one user, e.g. from a spiral's NOTIFY step.
 */
package dev.helix.notifications.model;
