package dev.helix.metering.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes items on a thread of its own, many to a write: whoever submits one does not wait for it, and each write
 * carries what was submitted while the one before it ran (a group commit), or, when items come one at a time, what came
 * within a short linger after the first (so that a quiet server does not pay a transaction per item). A failed
 * write is tried again with a growing pause, then item by item, and an item that still fails is logged in full as not
 * written. When {@code maxQueued} items wait, or while no writer runs (before it starts, after it stops or died), the
 * submitter writes its own: the queue never drops one. A writer interrupted while it pauses between tries leaves its
 * batch to {@link #stop}.
 */
public final class GroupCommit<T> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    /** How often an idle writer looks whether it should stop. */
    private static final long IDLE_LOOK_MILLIS = 500;

    private final String what;
    private final Consumer<List<T>> writer;
    private final Pacing pacing;
    private final BlockingQueue<T> queue;
    /** Items of a write that was interrupted: written by {@link #stop}. */
    private final Queue<T> interrupted = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private Thread thread;

    /**
     * How a group commit paces its writes.
     *
     * @param maxQueued  the most items that wait; beyond it a submitter writes its own
     * @param maxBatch   the most items to a write
     * @param linger     how long the writer waits for more after the first item of a write, unless the batch fills
     * @param attempts   how often a batch is written before it is written item by item
     * @param firstPause the pause after the first failed write, doubled after each further one
     */
    public record Pacing(int maxQueued, int maxBatch, Duration linger, int attempts, Duration firstPause) {
    }

    /**
     * @param what   what the items are, for the log
     * @param writer writes a batch in one transaction, or throws
     */
    public GroupCommit(String what, Consumer<List<T>> writer, Pacing pacing) {
        this.what = what;
        this.writer = writer;
        this.pacing = pacing;
        this.queue = new LinkedBlockingQueue<>(pacing.maxQueued());
    }

    /** Starts the writer on a thread of the factory; without one, every submitter writes its own item. */
    public synchronized void start(ThreadFactory threads) {
        try {
            Thread started = threads.newThread(this::writeWhileRunning);
            if (started == null) {
                LOG.warning(() -> "No thread to write " + what + " in the background; each is written by its caller");
                return;
            }
            started.setName("helix-" + what.replace(' ', '-') + "-writer");
            running = true;
            thread = started;
            started.start();
        } catch (RuntimeException e) {
            running = false;
            thread = null;
            LOG.log(Level.WARNING, "No thread to write " + what + " in the background; each is written by its caller", e);
        }
    }

    /** Queues the item to be written soon; when the queue is full or no writer runs, writes it now. */
    public void submit(T item) {
        if (!running || !queue.offer(item)) {
            writer.accept(List.of(item));
        } else if (!running) {
            drain(); // queued as the writer stopped: nobody else would write it
        }
    }

    /** Stops the writer (letting its current write finish, for up to {@code grace}) and writes what is left. */
    public void stop(Duration grace) throws InterruptedException {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            stopping.join(grace.toMillis());
        }
        List<T> left = new ArrayList<>();
        for (T item = interrupted.poll(); item != null; item = interrupted.poll()) {
            left.add(item);
        }
        if (!left.isEmpty()) {
            write(left);
        }
        drain();
    }

    /** How many items wait. */
    public int queued() {
        return queue.size() + interrupted.size();
    }

    private void writeWhileRunning() {
        try {
            List<T> batch = new ArrayList<>();
            while (running) {
                T first = queue.poll(IDLE_LOOK_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                lingerFor(batch);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                if (thread == Thread.currentThread()) {
                    // Died or was interrupted: from now on the submitters write, and what waits is written by stop().
                    running = false;
                    thread = null;
                }
            }
        }
    }

    /** Adds what comes within the linger, until the batch is full; interrupted, leaves the batch to stop(). */
    private void lingerFor(List<T> batch) throws InterruptedException {
        long until = System.nanoTime() + pacing.linger().toNanos();
        try {
            queue.drainTo(batch, pacing.maxBatch() - batch.size());
            while (batch.size() < pacing.maxBatch()) {
                long left = until - System.nanoTime();
                T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                if (next == null) {
                    return;
                }
                batch.add(next);
                queue.drainTo(batch, pacing.maxBatch() - batch.size());
            }
        } catch (InterruptedException e) {
            interrupted.addAll(batch);
            throw e;
        }
    }

    private void drain() {
        List<T> batch = new ArrayList<>();
        while (queue.drainTo(batch, pacing.maxBatch()) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<T> batch) {
        Duration pause = pacing.firstPause();
        int attempts = pacing.attempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                writer.accept(List.copyOf(batch));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Writing " + batch.size() + " " + what + " failed (attempt " + attempt + " of "
                        + attempts + ")", e);
            }
            if (attempt < attempts) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    interrupted.addAll(batch);
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2);
            }
        }
        for (T item : batch) {
            try {
                writer.accept(List.of(item));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Not written, one of the " + what + ": " + item, e);
            }
        }
    }
}
