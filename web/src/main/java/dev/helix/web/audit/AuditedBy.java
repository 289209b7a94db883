package dev.helix.web.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST method whose action is {@link Audited} in the bean it calls (e.g. {@code TaskChanges}, shared with the
 * SOAP services): the value names that action, so that a call refused before it got there is recorded under the same
 * name ({@link RefusedCallAuditor}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedBy {

    String value();
}
