package dev.helix.web.soap;

import dev.helix.shared.error.FieldError;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work of one SOAP operation and turns any failure into the service's own fault: each service's contract
 * declares its fault type, made by its {@link Faults}.
 */
public final class SoapCall {

    /** Makes a service's fault from a refusal's code, message and fields. */
    @FunctionalInterface
    public interface Faults<F extends Exception> {
        F fault(String code, String message, List<FieldError> fields);
    }

    private SoapCall() {
    }

    public static <T, F extends Exception> T answer(Faults<F> faults, Supplier<T> work) throws F {
        try {
            return work.get();
        } catch (RuntimeException e) {
            SoapRefusal refusal = SoapRefusal.of(e);
            throw faults.fault(refusal.code(), refusal.getMessage(), refusal.fields());
        }
    }
}
