/**
 * The Jakarta Faces portal's pages and actions (fleet dashboard, tasks, agents, spirals, rituals, memory,
 * analytics, API keys, sign-in), and the permission checks and messages they share.
 */
package dev.helix.web.portal;
