package dev.helix.web.soap;

import dev.helix.web.soap.faults.v1.HelixFault;
import java.util.function.Supplier;

/**
 * Runs the work of one SOAP operation and turns any failure into the service's fault: each service's contract
 * declares its own fault exception, made by its {@link Faults}, around the {@link HelixFault} they all share.
 */
public final class SoapCall {

    /** Makes a service's fault exception, typically its constructor. */
    @FunctionalInterface
    public interface Faults<F extends Exception> {
        F fault(String message, HelixFault info);
    }

    private SoapCall() {
    }

    public static <T, F extends Exception> T answer(Faults<F> faults, Supplier<T> work) throws F {
        try {
            return work.get();
        } catch (RuntimeException e) {
            SoapRefusal refusal = SoapRefusal.of(e);
            HelixFault info = new HelixFault();
            info.setCode(refusal.code());
            info.setMessage(refusal.getMessage());
            refusal.fields().forEach(f -> {
                HelixFault.Field field = new HelixFault.Field();
                field.setName(f.field());
                field.setProblem(f.message());
                info.getField().add(field);
            });
            throw faults.fault(refusal.getMessage(), info);
        }
    }
}
