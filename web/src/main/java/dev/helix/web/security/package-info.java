/**
 * Sign-in and request security for the portal and the API: authentication by password, API key or single
 * sign-on token, permission checks, rate limits, secure session cookies and security headers.
 */
package dev.helix.web.security;
