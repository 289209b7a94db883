/** Model usage sums and their CSV export ({@code /api/v1/usage}), token budgets and deployments' prices. */
package dev.helix.web.api.usage;
