/**
 * What the gateway routes with: the order deployments are tried in (WeightedOrder), their cool-downs, circuits and
 * rates (DeploymentHealth), the answer cache (ResponseCache), the relay of streams (StreamRelay), and reading
 * providers' answers and refusals (AnswerText, UpstreamRefusal).
 */
package dev.helix.gateway.internal;
