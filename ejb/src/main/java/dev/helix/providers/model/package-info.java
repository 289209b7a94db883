/**
 * What an agent asks its model for and gets back (SpecRequest, SpecDraft, StepResult), and the errors of a
 * model provider or embeddings endpoint that cannot answer.
 */
package dev.helix.providers.model;
