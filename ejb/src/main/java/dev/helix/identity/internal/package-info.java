/**
 * VerifiedCredentialCache, which remembers for a minute that a password verified, so HTTP Basic clients do
 * not pay for password hashing on every request; AccessSettingReads, the transactional reads behind the server's
 * copies of the permission matrix and the security policy.
 */
package dev.helix.identity.internal;
