package dev.helix.shared.error;

/** A referenced thing (task, agent, profile, ...) does not exist. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }

    /** Says in its own words why there is nothing, where "does not exist" would mislead. */
    public static NotFoundException because(String message) {
        return new NotFoundException(message);
    }

    private NotFoundException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not found";
    }

    @Override
    public int status() {
        return 404;
    }
}
