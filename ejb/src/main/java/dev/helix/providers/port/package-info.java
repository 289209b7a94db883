/**
 * The interfaces agents think through and memory embeds through: ModelProvider and EmbeddingProvider,
 * implemented in this context by the offline provider and embedder and the OpenAI-compatible embeddings
 * client.
 */
package dev.helix.providers.port;
