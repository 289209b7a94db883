package dev.helix.secrets.model;

/** The outcome of a key rotation: the new active key and how many secrets were re-encrypted under it. */
public record Rotation(String activeKey, int reencrypted) {
}
