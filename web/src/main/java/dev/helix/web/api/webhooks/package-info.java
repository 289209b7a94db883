/** REST resources for event webhooks: subscriptions, their delivery log, and redelivery. */
package dev.helix.web.api.webhooks;
