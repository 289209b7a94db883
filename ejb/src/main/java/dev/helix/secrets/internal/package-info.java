/**
 * KeyRingStore, which keeps the secrets key ring in a file only the server's user can read.
 */
package dev.helix.secrets.internal;
