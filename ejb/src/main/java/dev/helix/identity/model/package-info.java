/**
 * Users, roles, permissions and the role × permission matrix, API keys and password hashing, and the rules
 * for rate limits and sign-in throttling.
 */
package dev.helix.identity.model;
