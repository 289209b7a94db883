/** Projects in the REST API: the git repositories tasks work in ({@code /api/v1/projects}). */
package dev.helix.web.api.projects;
