package dev.helix.projects.model;

/** Where a project's repository comes from, and so whose it is. */
public enum ProjectOrigin {
    /** A repository on this machine, registered where it is; Helix never deletes it. */
    PATH,
    /** Cloned from a URL into Helix's data folder; Helix's own copy. */
    CLONE,
    /** Created empty and hosted by Helix under its data folder. */
    HOSTED
}
