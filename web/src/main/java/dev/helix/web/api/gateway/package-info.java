/** The model gateway's administration: its aliases, deployments and fallbacks ({@code /api/v1/admin/gateway}). */
package dev.helix.web.api.gateway;
