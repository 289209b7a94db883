package dev.helix.identity.model;

/** A key just created: the stored key and, this once, its full text. */
public record IssuedApiKey(ApiKey stored, String key) {

    @Override
    public String toString() {
        return "IssuedApiKey[prefix=" + stored.getPrefix() + "]";
    }
}
