/**
 * REST resources for administrators: users, roles and permissions, security settings, single sign-on, secrets
 * and the audit trail.
 */
package dev.helix.web.api.admin;
