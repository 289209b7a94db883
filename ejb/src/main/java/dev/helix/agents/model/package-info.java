/**
 * Agent profiles of the gallery and agent instances of the pool, with their status, their working sessions on
 * tasks and the messages in each role's inbox.
 */
package dev.helix.agents.model;
