package dev.helix.gateway.model;

/** An alias was defined, changed or removed: the gateway routes by the new definitions once this commits. */
public record AliasesChanged(String alias) {
}
