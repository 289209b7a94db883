package dev.helix.web.security;

/** Where a portal sign-in goes on to: the page the user asked for when it is inside the portal, else the dashboard. */
public final class LandingPage {

    private LandingPage() {
    }

    /** Only a path inside the portal; anything else (another site, the API) goes to the dashboard. */
    public static String after(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && !next.startsWith("/api/") ? next : "/dashboard.xhtml";
    }
}
