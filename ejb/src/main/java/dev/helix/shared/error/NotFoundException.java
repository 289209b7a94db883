package dev.helix.shared.error;

/** A referenced thing (task, agent, profile, ...) does not exist. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
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
