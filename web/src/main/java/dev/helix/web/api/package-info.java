/**
 * The REST API application under {@code /api/v1} and what all its resources share: strict JSON reading,
 * instant parameters, CSV writing and role names.
 */
package dev.helix.web.api;
