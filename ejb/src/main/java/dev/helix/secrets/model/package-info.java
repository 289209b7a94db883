/**
 * Secrets encrypted at rest with AES-256-GCM under a ring of keys: the key ring, the cipher, stored secrets
 * and the outcome of a key rotation.
 */
package dev.helix.secrets.model;
