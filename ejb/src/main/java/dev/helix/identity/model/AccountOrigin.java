package dev.helix.identity.model;

/** Where an account's credentials and roles live. */
public enum AccountOrigin {
    /** A Helix password (PBKDF2 hash) and roles an administrator assigns in Helix. */
    LOCAL,
    /** Signs in through single sign-on: no Helix password; roles follow the identity provider's realm roles. */
    SSO
}
