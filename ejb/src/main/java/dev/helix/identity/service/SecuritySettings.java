package dev.helix.identity.service;

import dev.helix.identity.internal.AccessSettingReads;
import dev.helix.identity.model.SecurityPolicy;
import dev.helix.platform.service.FreshCopy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * The run-time security settings in {@code security_setting}. Consulted on every request, so each server keeps a
 * {@link FreshCopy}, re-read after {@value #FRESH_SECONDS} seconds (a change on another server applies here within
 * that time; a change on this server once it commits). A plain bean, not an EJB: a request's look costs no
 * transaction.
 */
@ApplicationScoped
public class SecuritySettings {

    static final int FRESH_SECONDS = 5;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AccessSettingReads reads;

    private FreshCopy<SecurityPolicy> copy;

    @PostConstruct
    void start() {
        copy = new FreshCopy<>(Duration.ofSeconds(FRESH_SECONDS), reads::securityPolicy);
    }

    public SecurityPolicy policy() {
        return copy.get();
    }

    @Transactional
    public SecurityPolicy change(SecurityPolicy changed) {
        em.createNativeQuery("UPDATE security_setting SET setting_value = ?1 WHERE name = ?2")
                .setParameter(1, String.valueOf(changed.basicAuthEnabled())).setParameter(2, AccessSettingReads.BASIC_AUTH)
                .executeUpdate();
        copy.forgetOnCommit(transactions);
        return changed;
    }
}
