/**
 * The model gateway's HTTP edge: OpenAI's protocol under {@code /v1} ({@code GatewayServlet}), its answers written
 * to the servlet response as they come, and its errors in OpenAI's shape ({@code GatewayErrors}).
 */
package dev.helix.web.gateway;
