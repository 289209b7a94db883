package dev.helix.spirals.model.definition;

import dev.helix.shared.error.FieldError;
import dev.helix.shared.error.InvalidInputException;
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
