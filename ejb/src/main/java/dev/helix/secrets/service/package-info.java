/**
 * SecretVault, which stores secrets such as provider API keys and webhook secrets only encrypted, reveals
 * them only to Helix's own code, and rotates the keys.
 */
package dev.helix.secrets.service;
