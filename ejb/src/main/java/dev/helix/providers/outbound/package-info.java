/**
 * OpenAiEmbeddings, the client of an OpenAI-compatible embeddings endpoint.
 */
package dev.helix.providers.outbound;
