package dev.helix.web.audit;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.Outcome;
import dev.helix.audit.service.AuditTrail;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Runs an {@link Audited} action and its audit record in one transaction, so the record exists exactly when the
 * action took effect; an action that fails is recorded as a failure in a transaction of its own, and the
 * failure goes on to the caller unchanged.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditInterceptor {

    @Inject
    AuditTrail trail;

    @Inject
    AuditContext context;

    @Inject
    RequestOrigin origin;

    @Inject
    ActionTransaction transaction;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        String action = action(invocation);
        context.recorded();
        try {
            return transaction.run(() -> {
                Object result = invocation.proceed();
                if (transactions.getRollbackOnly()) {
                    // The action caught its own failure (a portal page shows it as a message): nothing changed.
                    trail.recordSeparately(origin.entry(action, target(result), Outcome.FAILURE, "rolled back"));
                } else {
                    trail.record(new AuditEntry(origin.actor(), action, target(result), origin.address(),
                            context.failure() == null ? Outcome.SUCCESS : Outcome.FAILURE, context.failure(),
                            context.before(), context.after()));
                }
                return result;
            });
        } catch (Exception e) {
            // Before and after are set only by an action whose change stands although it failed.
            trail.recordSeparately(new AuditEntry(origin.actor(), action, target(null), origin.address(), Outcome.FAILURE,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), context.before(), context.after()));
            throw e;
        }
    }


    private static String action(InvocationContext invocation) {
        return invocation.getMethod().getAnnotation(Audited.class).value();
    }

    /** The target the action named, else the created resource's location, else the request's path. */
    private String target(Object result) {
        if (context.target() != null) {
            return context.target();
        }
        if (result instanceof Response response && response.getLocation() != null) {
            URI location = response.getLocation();
            return location.getPath();
        }
        return origin.path();
    }
}
