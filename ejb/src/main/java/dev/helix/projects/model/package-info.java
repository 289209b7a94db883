/** Projects, the git repositories Helix works on (Project, ProjectOrigin, ProjectDefinition). */
package dev.helix.projects.model;
