package dev.helix.identity.service;

import dev.helix.identity.model.SecurityPolicy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The run-time security settings in {@code security_setting}. Consulted on every request, so kept in memory and
 * re-read after {@value #FRESH_SECONDS} seconds (a change on another server applies here within that time; a
 * change on this server at once).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SecuritySettings {

    static final int FRESH_SECONDS = 5;
    private static final String BASIC_AUTH = "basic-auth-enabled";

    @PersistenceContext
    EntityManager em;

    private volatile SecurityPolicy policy;
    private volatile Instant readAt = Instant.EPOCH;

    public SecurityPolicy policy() {
        Instant now = Instant.now();
        if (policy == null || readAt.plus(Duration.ofSeconds(FRESH_SECONDS)).isBefore(now)) {
            policy = read();
            readAt = now;
        }
        return policy;
    }

    public SecurityPolicy change(SecurityPolicy changed) {
        em.createNativeQuery("UPDATE security_setting SET setting_value = ?1 WHERE name = ?2")
                .setParameter(1, String.valueOf(changed.basicAuthEnabled())).setParameter(2, BASIC_AUTH).executeUpdate();
        policy = changed;
        readAt = Instant.now();
        return changed;
    }

    private SecurityPolicy read() {
        List<?> basic = em.createNativeQuery("SELECT setting_value FROM security_setting WHERE name = ?1")
                .setParameter(1, BASIC_AUTH).getResultList();
        return new SecurityPolicy(basic.isEmpty() || Boolean.parseBoolean(String.valueOf(basic.get(0))));
    }
}
