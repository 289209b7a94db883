/**
 * Clients of model and embeddings endpoints outside Helix: OpenAiCompatibleModel (LangChain4j's OpenAI client over
 * Helix's ProviderTransport, under a ProviderGuard per provider) and OpenAiEmbeddings.
 */
package dev.helix.providers.outbound;
