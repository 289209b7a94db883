package dev.helix.shared.error;

/** Well-formed input that breaks a business rule (unknown role, bad capability, ...). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "validation";
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    @Override
    public int status() {
        return 422;
    }
}
