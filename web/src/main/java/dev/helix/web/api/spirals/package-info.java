/**
 * REST resources for spirals: definitions and their versions, runs, and the inbound webhooks that start
 * WEBHOOK spirals.
 */
package dev.helix.web.api.spirals;
