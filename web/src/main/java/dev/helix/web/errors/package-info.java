/**
 * The application's error page, and how the portal handles a page whose view has expired.
 */
package dev.helix.web.errors;
