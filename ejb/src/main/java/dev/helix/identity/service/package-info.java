/**
 * The identity use cases: user accounts and their credentials (UserDirectory), API keys, the stored role ×
 * permission matrix and the security settings administrators change at run time.
 */
package dev.helix.identity.service;
