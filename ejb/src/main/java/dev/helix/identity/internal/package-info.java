/**
 * VerifiedCredentialCache, which remembers for a minute that a password verified, so HTTP Basic clients do
 * not pay for password hashing on every request.
 */
package dev.helix.identity.internal;
