package dev.helix.metering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Each write, as the batch it was given. */
    private final List<List<Integer>> writes = new ArrayList<>();
    private GroupCommit<Integer> commits;
    /** Counted down when a write starts; writes wait for {@link #release} (once released, none waits). */
    private final CountDownLatch writeStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        if (commits != null) {
            commits.stop(Duration.ofSeconds(10));
        }
    }

    private GroupCommit<Integer> started(Consumer<List<Integer>> writer, int maxQueued) {
        commits = new GroupCommit<>("numbers", writer, new GroupCommit.Pacing(maxQueued, 100, Duration.ZERO, 3, Duration.ofMillis(1)));
        commits.start(Thread::new);
        return commits;
    }

    private synchronized void written(List<Integer> batch) {
        writes.add(batch);
    }

    private synchronized List<Integer> everyItemWritten() {
        return writes.stream().flatMap(List::stream).sorted().toList();
    }

    private synchronized List<List<Integer>> writes() {
        return List.copyOf(writes);
    }

    /** Waits until {@code count} items are written (ten seconds at most). */
    private void awaitWritten(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (everyItemWritten().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Tells the test a write started, and holds it until the test releases the writes. */
    private void held() {
        writeStarted.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Submits the item and waits until the writer holds it. */
    private void submitAndHold(int item) throws InterruptedException {
        commits.submit(item);
        assertTrue(writeStarted.await(10, TimeUnit.SECONDS));
    }

    @Test
    void whatIsSubmittedWhileAWriteRunsGoesIntoTheNextWritesTogether() throws InterruptedException {
        started(batch -> {
            held();
            written(batch);
        }, 1000);

        submitAndHold(0);
        for (int i = 1; i <= 250; i++) {
            commits.submit(i);
        }
        release.countDown();
        awaitWritten(251);

        assertEquals(List.of(1, 100, 100, 50), writes().stream().map(List::size).toList(),
                "the first alone, then the 250 that waited, at most 100 to a write");
    }

    @Test
    void aFailedWriteIsTriedAgainAndNothingIsLost() throws InterruptedException {
        int[] failuresLeft = {2};
        started(batch -> {
            if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("database unavailable");
            }
            written(batch);
        }, 1000);

        commits.submit(1);
        awaitWritten(1);

        assertEquals(List.of(1), everyItemWritten());
    }

    @Test
    void aBatchThatKeepsFailingIsWrittenItemByItemAndOnlyTheBadOneIsLeftOut() throws InterruptedException {
        started(batch -> {
            held();
            if (batch.contains(13)) {
                throw new IllegalArgumentException("13 cannot be stored");
            }
            written(batch);
        }, 1000);

        submitAndHold(0);
        List.of(12, 13, 14).forEach(commits::submit);
        release.countDown();
        awaitWritten(3);

        assertEquals(List.of(0, 12, 14), everyItemWritten());
        assertTrue(writes().contains(List.of(12)) && writes().contains(List.of(14)), "written one by one: " + writes());
    }

    @Test
    void aFullQueueMakesTheSubmitterWriteItsOwn() throws InterruptedException {
        started(batch -> {
            if (!batch.contains(99)) {
                held();
            }
            written(batch);
        }, 2);

        submitAndHold(1);
        commits.submit(2);
        commits.submit(3);
        commits.submit(99);

        assertEquals(List.of(99), everyItemWritten(), "written by the submitter at once");
        release.countDown();
        awaitWritten(4);
        assertEquals(List.of(1, 2, 3, 99), everyItemWritten());
    }

    @Test
    void withoutAThreadTheSubmitterWrites() {
        commits = new GroupCommit<>("numbers", this::written, new GroupCommit.Pacing(10, 100, Duration.ZERO, 3, Duration.ofMillis(1)));
        commits.start(task -> null);

        commits.submit(5);

        assertEquals(List.of(5), everyItemWritten());
    }

    @Test
    void stoppingWritesWhatWaitsAndLaterItemsAreWrittenByTheirSubmitters() throws InterruptedException {
        started(batch -> {
            held();
            written(batch);
        }, 10);
        submitAndHold(1);
        commits.submit(2);
        commits.submit(3);
        assertEquals(2, commits.queued());

        release.countDown();
        commits.stop(Duration.ofSeconds(10));
        commits.submit(4);

        assertEquals(List.of(1, 2, 3, 4), everyItemWritten());
        assertEquals(0, commits.queued());
    }

    @Test
    void aWriterInterruptedBetweenTriesLeavesItsBatchToStop() throws InterruptedException {
        Thread[] writerThread = new Thread[1];
        boolean[] databaseBack = {false};
        CountDownLatch firstFailure = new CountDownLatch(1);
        commits = new GroupCommit<>("numbers", batch -> {
            if (!databaseBack[0]) {
                firstFailure.countDown();
                throw new IllegalStateException("database unavailable");
            }
            written(batch);
        }, new GroupCommit.Pacing(10, 100, Duration.ZERO, 3, Duration.ofSeconds(30)));
        commits.start(task -> writerThread[0] = new Thread(task));

        commits.submit(7);
        assertTrue(firstFailure.await(10, TimeUnit.SECONDS));
        writerThread[0].interrupt();
        writerThread[0].join(10_000);
        assertEquals(1, commits.queued(), "kept, not written item by item on an interrupted thread");

        databaseBack[0] = true;
        commits.submit(8);
        assertEquals(List.of(8), everyItemWritten(), "with the writer gone, the submitter writes");
        commits.stop(Duration.ofSeconds(1));
        assertEquals(List.of(7, 8), everyItemWritten());
    }

    @Test
    void aWriterThatDiesLeavesTheSubmittersToWrite() throws InterruptedException {
        Thread[] writerThread = new Thread[1];
        boolean[] broken = {true};
        commits = new GroupCommit<>("numbers", batch -> {
            if (broken[0]) {
                broken[0] = false;
                throw new AssertionError("the writer dies");
            }
            written(batch);
        }, new GroupCommit.Pacing(10, 100, Duration.ZERO, 3, Duration.ofMillis(1)));
        commits.start(task -> writerThread[0] = new Thread(task));

        commits.submit(1);
        writerThread[0].join(10_000);
        commits.submit(2);

        assertEquals(List.of(2), everyItemWritten());
    }

    @Test
    void itemsThatComeOneByOneWithinTheLingerShareAWriteThatGoesWhenItIsFull() throws InterruptedException {
        commits = new GroupCommit<>("numbers", this::written, new GroupCommit.Pacing(10, 3, Duration.ofMinutes(5), 3,
                Duration.ofMillis(1)));
        commits.start(Thread::new);

        for (int i = 1; i <= 3; i++) {
            commits.submit(i);
            Thread.sleep(20);
        }
        awaitWritten(3);

        assertEquals(List.of(List.of(1, 2, 3)), writes(), "one write, and not after the five minutes' linger");
    }

    @Test
    void aLoneItemIsWrittenWhenTheLingerEnds() throws InterruptedException {
        commits = new GroupCommit<>("numbers", this::written, new GroupCommit.Pacing(10, 100, Duration.ofMillis(50), 3,
                Duration.ofMillis(1)));
        commits.start(Thread::new);

        commits.submit(1);
        awaitWritten(1);

        assertEquals(List.of(List.of(1)), writes());
    }
}
