package dev.helix.scheduling.internal;

import dev.helix.scheduling.model.ScheduleFired;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Announces a schedule's fire in a transaction of its own, committed before the timer's call returns. Liberty
 * commits a persistent timer's own transaction after the call, where the application's context is gone: a run's
 * batch job started then (on commit) would be refused and wait for the run supervisor's next sweep.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleAnnouncer {

    @Inject
    Event<ScheduleFired> fired;

    public void announce(ScheduleFired fire) {
        fired.fire(fire);
    }
}
