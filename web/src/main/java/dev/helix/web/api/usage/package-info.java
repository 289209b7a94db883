/** Model usage sums and their CSV export ({@code /api/v1/usage}). */
package dev.helix.web.api.usage;
