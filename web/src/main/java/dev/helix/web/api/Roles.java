package dev.helix.web.api;

/** Names of the security roles (the groups users belong to), declared for the container in {@link HelixApi}. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";
    public static final String DEVELOPER = "developer";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
