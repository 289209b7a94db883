/**
 * REST resources for the caller's own account: who they are, their password, their API keys and their
 * notifications.
 */
package dev.helix.web.api.me;
