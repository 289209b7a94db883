/**
 * The model providers of the REST API, for administrators: register, change, test and remove the endpoints agents
 * think through ({@code /api/v1/admin/providers}).
 */
package dev.helix.web.api.providers;
