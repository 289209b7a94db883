package dev.helix.spirals.model;

import dev.helix.shared.model.FieldError;
import dev.helix.shared.model.InvalidInputException;
import java.util.List;

/** A spiral definition with problems (422): every problem found is listed, not only the first. */
public class InvalidDefinitionException extends InvalidInputException {

    private final transient List<FieldError> problems;

    public InvalidDefinitionException(List<FieldError> problems) {
        super("The spiral definition has " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<FieldError> errors() {
        return problems;
    }
}
