package dev.helix.sso.model;

import java.util.List;

/** What a synchronisation of Helix roles into the realm did, by realm role name. */
public record RoleSyncReport(String realm, List<String> created, List<String> updated, List<String> unchanged) {
}
