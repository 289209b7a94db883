/**
 * Managing projects (Projects) and their repositories on disk (ProjectRepositories): registered where they are,
 * cloned from a URL, or created and hosted by Helix.
 */
package dev.helix.projects.service;
