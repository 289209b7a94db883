package dev.helix.web.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a mutating REST method or portal action: it runs in one transaction with its audit record
 * ({@link AuditInterceptor}). The value names the action, e.g. {@code task.create}. Put it on methods; the
 * binding's type target exists only because CDI requires it of interceptor bindings.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {

    @Nonbinding
    String value();
}
