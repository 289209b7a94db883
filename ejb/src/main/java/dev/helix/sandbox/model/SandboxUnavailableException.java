package dev.helix.sandbox.model;

import dev.helix.shared.error.DomainException;

/** No isolation is available on this server, so a command was refused: Helix never runs one unsandboxed. */
public class SandboxUnavailableException extends DomainException {

    public SandboxUnavailableException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "sandbox-unavailable";
    }

    @Override
    public String title() {
        return "No sandbox is available";
    }

    @Override
    public int status() {
        return 503;
    }
}
