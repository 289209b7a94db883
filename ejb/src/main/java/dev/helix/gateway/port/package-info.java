/** What the gateway needs of the edge that serves it: an {@code AnswerSink} to write each answer to. */
package dev.helix.gateway.port;
