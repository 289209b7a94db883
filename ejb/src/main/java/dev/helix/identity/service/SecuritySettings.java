package dev.helix.identity.service;

import dev.helix.identity.model.SecurityPolicy;
import dev.helix.platform.service.FreshCopy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The run-time security settings in {@code security_setting}. Consulted on every request, so each server keeps a
 * {@link FreshCopy}, re-read after {@value #FRESH_SECONDS} seconds (a change on another server applies here within
 * that time; a change on this server once it commits).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SecuritySettings {

    static final int FRESH_SECONDS = 5;
    private static final String BASIC_AUTH = "basic-auth-enabled";

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final FreshCopy<SecurityPolicy> copy = new FreshCopy<>(Duration.ofSeconds(FRESH_SECONDS), this::read);

    public SecurityPolicy policy() {
        return copy.get();
    }

    public SecurityPolicy change(SecurityPolicy changed) {
        em.createNativeQuery("UPDATE security_setting SET setting_value = ?1 WHERE name = ?2")
                .setParameter(1, String.valueOf(changed.basicAuthEnabled())).setParameter(2, BASIC_AUTH).executeUpdate();
        copy.forgetOnCommit(transactions);
        return changed;
    }

    private SecurityPolicy read() {
        List<?> basic = em.createNativeQuery("SELECT setting_value FROM security_setting WHERE name = ?1")
                .setParameter(1, BASIC_AUTH).getResultList();
        return new SecurityPolicy(basic.isEmpty() || Boolean.parseBoolean(String.valueOf(basic.get(0))));
    }
}
