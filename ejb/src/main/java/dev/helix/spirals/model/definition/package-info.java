/**
 * The spiral definition language: DefinitionReader reads and validates a definition's JSON into a trigger,
 * steps, and retry and error policies.
 */
package dev.helix.spirals.model.definition;
