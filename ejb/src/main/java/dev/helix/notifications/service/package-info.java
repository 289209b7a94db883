/**
 * Sending notices to users (from spirals, rituals and alerts) and letting each user read their own.
 */
package dev.helix.notifications.service;
