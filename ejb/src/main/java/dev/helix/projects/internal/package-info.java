/**
 * What Helix does with git through JGit (GitRepositories), the demo project's files (DemoProject), storing a new
 * project (ProjectStore), and removing the repositories of removed projects after commit (ReleasedRepositories).
 */
package dev.helix.projects.internal;
