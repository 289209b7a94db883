/**
 * Managing and finding providers: the registered model providers (ProviderCatalog), the model provider an agent
 * profile is bound to (ProviderRegistry), and the configured embedder that memory uses (Embeddings).
 */
package dev.helix.providers.service;
