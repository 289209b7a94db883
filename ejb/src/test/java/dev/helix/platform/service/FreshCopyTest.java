package dev.helix.platform.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshCopyTest {

    /** The synchronizations registered, to be completed by the test as a commit or a rollback would. */
    private final List<Synchronization> registered = new ArrayList<>();
    private final TransactionSynchronizationRegistry transactions = new TransactionSynchronizationRegistry() {
        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    };

    private int stored = 1;
    private int reads;
    private Runnable whileReading = () -> { };

    private int read() {
        reads++;
        int value = stored;
        whileReading.run();
        return value;
    }

    @Test
    void aCopyIsReadOnceWithinItsLifetimeAndAgainAfterACommittedChange() {
        FreshCopy<Integer> copy = new FreshCopy<>(Duration.ofMinutes(5), this::read);
        assertEquals(1, copy.get());
        assertEquals(1, copy.get());
        assertEquals(1, reads);

        stored = 2;
        copy.forgetOnCommit(transactions);
        registered.forEach(s -> s.afterCompletion(Status.STATUS_ROLLEDBACK));
        assertEquals(1, copy.get(), "a rolled-back change keeps the copy");

        copy.forgetOnCommit(transactions);
        registered.get(1).afterCompletion(Status.STATUS_COMMITTED);
        assertEquals(2, copy.get());
        assertEquals(2, reads);
    }

    @Test
    void aCopyThatCannotBeReadAgainKeepsServingTheLastOneReadButAFirstReadFails() {
        FreshCopy<Integer> copy = new FreshCopy<>(Duration.ofMillis(-1), this::read); // due again on every look
        whileReading = () -> {
            throw new IllegalStateException("the database is out of reach");
        };
        assertThrows(IllegalStateException.class, copy::get, "nothing read yet: nothing to serve");

        whileReading = () -> { };
        assertEquals(1, copy.get());
        stored = 2;
        whileReading = () -> {
            throw new IllegalStateException("the database is out of reach");
        };
        assertEquals(1, copy.get(), "the last copy read");

        whileReading = () -> { };
        assertEquals(2, copy.get(), "read again once it can be");
    }

    @Test
    void aReadThatRacedACommitIsNotKept() {
        FreshCopy<Integer> copy = new FreshCopy<>(Duration.ofMinutes(5), this::read);
        copy.forgetOnCommit(transactions);
        whileReading = () -> {
            // The change commits after the old value was read, before the copy is kept.
            stored = 2;
            registered.get(0).afterCompletion(Status.STATUS_COMMITTED);
        };
        assertEquals(1, copy.get(), "this caller gets what it read");

        whileReading = () -> { };
        assertEquals(2, copy.get(), "the next one reads again");
    }
}
