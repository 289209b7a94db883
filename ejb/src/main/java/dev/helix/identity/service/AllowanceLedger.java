package dev.helix.identity.service;

import dev.helix.identity.model.SharedRateLimiter;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The request allowances of all servers, in Helix's database (table {@code request_allowance}): a lease locks the
 * caller's row for the minute, so servers that lease at the same time are served one after the other and never hand
 * out more than the limit between them. Each lease commits at once, on its own.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AllowanceLedger implements SharedRateLimiter.Ledger {

    @PersistenceContext
    EntityManager em;

    @Override
    public int lease(String caller, long epochMinute, int limit, int wanted) {
        em.createNativeQuery("INSERT INTO request_allowance (caller, epoch_minute, used) VALUES (?1, ?2, 0) "
                + "ON CONFLICT DO NOTHING").setParameter(1, caller).setParameter(2, epochMinute).executeUpdate();
        int used = ((Number) em.createNativeQuery("SELECT used FROM request_allowance WHERE caller = ?1 "
                + "AND epoch_minute = ?2 FOR UPDATE").setParameter(1, caller).setParameter(2, epochMinute)
                .getSingleResult()).intValue();
        int granted = Math.max(0, Math.min(wanted, limit - used));
        if (granted > 0) {
            em.createNativeQuery("UPDATE request_allowance SET used = used + ?3 WHERE caller = ?1 AND epoch_minute = ?2")
                    .setParameter(1, caller).setParameter(2, epochMinute).setParameter(3, granted).executeUpdate();
        }
        return granted;
    }

    @Override
    public void forgetBefore(long epochMinute) {
        em.createNativeQuery("DELETE FROM request_allowance WHERE epoch_minute < ?1").setParameter(1, epochMinute)
                .executeUpdate();
    }
}
