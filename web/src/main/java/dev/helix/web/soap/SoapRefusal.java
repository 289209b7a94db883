package dev.helix.web.soap;

import dev.helix.shared.error.DomainException;
import dev.helix.shared.error.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Why a SOAP call was refused, as its fault tells it: a stable code (the same slugs as the REST API's problem types,
 * e.g. {@code validation}, {@code not-found}, {@code forbidden}), a readable message, and for invalid input each
 * field at fault.
 */
public final class SoapRefusal extends RuntimeException {

    private static final Logger LOG = Logger.getLogger(SoapRefusal.class.getName());

    private final String code;
    private final transient List<FieldError> fields;

    public SoapRefusal(String code, String message, List<FieldError> fields) {
        super(message, null, false, false);
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public SoapRefusal(String code, String message) {
        this(code, message, List.of());
    }

    /** Invalid input: one field error per violation, sorted by field. */
    public static SoapRefusal invalid(Set<? extends ConstraintViolation<?>> violations) {
        return invalid(violations.stream().map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
    }

    /** Invalid input: these fields, sorted by field, each named in the message too. */
    public static SoapRefusal invalid(List<FieldError> wrong) {
        List<FieldError> fields = wrong.stream().sorted(Comparator.comparing(FieldError::field)).toList();
        return new SoapRefusal("validation", "The request is not valid: " + String.join("; ", fields.stream()
                .map(f -> f.field() + " " + f.message()).toList()), fields);
    }

    /**
     * The refusal a failure of a call amounts to: a business error as its problem type says; anything unexpected as
     * {@code internal}, with a reference to the server log, which has the details (never the client).
     */
    public static SoapRefusal of(RuntimeException failure) {
        if (failure instanceof SoapRefusal refusal) {
            return refusal;
        }
        if (failure instanceof DomainException domain) {
            return new SoapRefusal(domain.problemType(), domain.getMessage(), domain.errors());
        }
        if (failure instanceof ConstraintViolationException violations) {
            return invalid(violations.getConstraintViolations());
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "SOAP call failed unexpectedly (reference " + reference + ")", failure);
        return new SoapRefusal("internal", "Helix could not complete this request; the server's log has the details "
                + "under reference " + reference);
    }

    public String code() {
        return code;
    }

    public List<FieldError> fields() {
        return fields;
    }
}
