/** The model gateway (Gateway: routing, fallbacks, cache, streaming, metering) and its aliases (GatewayAliases). */
package dev.helix.gateway.service;
