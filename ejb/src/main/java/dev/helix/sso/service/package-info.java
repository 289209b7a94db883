/**
 * OpenID Connect with the Keycloak realm: verifying bearer tokens and running the portal's sign-in flow
 * (OpenIdProvider), and putting Helix's roles into the realm (RealmRoleSync).
 */
package dev.helix.sso.service;
