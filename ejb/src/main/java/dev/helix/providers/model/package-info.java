/**
 * The registered model providers (RegisteredProvider, ProviderType, ProviderDefinition, ProviderCheck), what an agent
 * asks its model for and gets back (SpecRequest, SpecDraft, StepResult), and the errors of a provider that cannot
 * answer or answers unusably.
 */
package dev.helix.providers.model;
