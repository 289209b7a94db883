/**
 * Single sign-on with a Keycloak realm: its configuration, the identities and realm roles the identity
 * provider vouches for, pending portal sign-ins and sign-in errors.
 */
package dev.helix.sso.model;
