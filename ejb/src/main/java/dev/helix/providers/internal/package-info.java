/**
 * The built-in offline providers, which need no network and no model: a model provider that answers with
 * templates (OfflineModelProvider) and a feature-hashing embedder (FeatureHashingEmbedder).
 */
package dev.helix.providers.internal;
