package dev.helix.web.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tells the container who the caller of this request is, cheaply. Helix checks every credential itself, on every
 * request; Liberty then logs the caller in (principal and roles for {@code SecurityContext}, {@code @RolesAllowed})
 * and keeps the subject it built in its authentication cache. Without a key for that cache it builds the subject anew
 * each time and files it under its single sign-on token, which it creates and RSA-signs for the purpose: most of an
 * API read's cost. So each sign-in carries a key naming all that shapes the subject, the user and the roles
 * (Liberty's {@code com.ibm.wsspi.security.cred.cacheKey}), and a caller whose roles change gets a new subject at
 * once. The key goes into the subject only together with a sign-in, never on a path that signs no one in.
 */
final class ContainerSignIn {

    /** Liberty's name for the authentication-cache key among a subject's login properties. */
    private static final String CACHE_KEY = "com.ibm.wsspi.security.cred.cacheKey";

    private ContainerSignIn() {
    }

    /** Signs the request in as {@code user} with {@code roles}. */
    static AuthenticationStatus as(HttpMessageContext context, String user, Set<String> roles) {
        Hashtable<String, Object> login = new Hashtable<>();
        login.put(CACHE_KEY, cacheKey(user, roles));
        context.getClientSubject().getPrivateCredentials().add(login);
        return context.notifyContainerAboutLogin(user, roles);
    }

    /** A digest of the user and the sorted roles, each preceded by its length: no two callers share one. */
    static String cacheKey(String user, Set<String> roles) {
        MessageDigest digest = sha256();
        add(digest, user);
        new TreeSet<>(roles).forEach(role -> add(digest, role));
        return "helix:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
