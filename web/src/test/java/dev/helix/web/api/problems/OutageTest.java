package dev.helix.web.api.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.transaction.HeuristicMixedException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutageTest {

    @Test
    void aLostOrRefusedDatabaseConnectionAnywhereAmongTheCausesIsADatabaseOutage() {
        assertEquals(Optional.of(Outage.DATABASE), Outage.behind(new EJBException(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend", "08006")))));
        assertEquals(Optional.of(Outage.DATABASE), Outage.behind(
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Optional.of(Outage.DATABASE), Outage.behind(new SQLTransientConnectionException("pool empty")));
    }

    @Test
    void aBrokerFailureIsAMessagingOutageUnlessTheDatabaseIsBehindItToo() {
        assertEquals(Optional.of(Outage.MESSAGING), Outage.behind(new EJBException(
                new JMSRuntimeException("AMQ219007: Cannot connect to server(s)"))));
        assertEquals(Optional.of(Outage.DATABASE), Outage.behind(new JMSException("enlistment failed") {
            @Override
            public synchronized Throwable getCause() {
                return new SQLTransientConnectionException("no connection");
            }
        }));
    }

    @Test
    void aCommitCutShortByTheDatabasesLossIsInDoubtNotRefused() {
        HeuristicMixedException mixed = new HeuristicMixedException("resource failed in phase two");
        mixed.initCause(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        Optional<Outage> outage = Outage.behind(new EJBException("commit failed", mixed));
        assertEquals(Optional.of(Outage.COMMIT_IN_DOUBT), outage);
        assertEquals("commit-in-doubt", outage.get().slug());
        assertTrue(outage.get().detail().contains("look it up"), outage.get().detail());
        assertFalse(outage.get().detail().contains("not carried out"), outage.get().detail());
    }

    @Test
    void mistakesOfHelixItselfAreNoOutage() {
        assertEquals(Optional.empty(), Outage.behind(new SQLException("duplicate key value", "23505")));
        assertEquals(Optional.empty(), Outage.behind(new EJBException(new MessageFormatRuntimeException("not text"))));
        assertEquals(Optional.empty(), Outage.behind(new JMSSecurityRuntimeException("AMQ229031: wrong password")));
        assertEquals(Optional.empty(), Outage.behind(new IllegalArgumentException("no such task")));
    }
}
