/**
 * The model gateway's language: model aliases (ModelAlias, Deployment, AliasDefinition, Route), a call and who makes
 * it (GatewayCall, GatewayCaller), and why one is refused, in OpenAI's error shape (GatewayRefusal, OpenAiError).
 */
package dev.helix.gateway.model;
