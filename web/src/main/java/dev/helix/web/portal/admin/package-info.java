/**
 * The portal's administrator pages: users, roles, security and the audit trail.
 */
package dev.helix.web.portal.admin;
