package dev.helix.web.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST resource method that authenticates its request itself, by a signature over the body (inbound webhooks),
 * instead of by a signed-in caller's permission. Its path must also be left open in {@code web.xml}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SignedRequest {
}
