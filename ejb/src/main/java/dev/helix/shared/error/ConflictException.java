package dev.helix.shared.error;

/** The request is valid but conflicts with the current state of the thing it acts on. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict with the current state";
    }

    @Override
    public int status() {
        return 409;
    }
}
