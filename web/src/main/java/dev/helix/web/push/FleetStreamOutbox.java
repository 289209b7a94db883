package dev.helix.web.push;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messages on their way to one browser, sent one after the other: a WebSocket session takes a new
 * asynchronous send only once the previous one has completed. A browser that falls more than {@value #LIMIT}
 * messages behind, or whose connection fails, is disconnected (its page reconnects and re-reads the current
 * state) rather than slowing the others.
 */
final class FleetStreamOutbox {

    static final int LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(FleetStreamOutbox.class.getName());
    /** Where a send stands relative to the call that started it. */
    private static final int IN_CALL = 0;
    private static final int COMPLETED_IN_CALL = 1;
    private static final int RETURNED = 2;

    private final Session session;
    private final Queue<String> waiting = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;

    FleetStreamOutbox(Session session) {
        this.session = session;
    }

    synchronized boolean isOpen() {
        return !closed && session.isOpen();
    }

    /** Queues a message and sends it when nothing else is in flight. False when this browser is dropped. */
    boolean offer(String message) {
        boolean start;
        boolean lagging;
        synchronized (this) {
            if (closed) {
                return false;
            }
            lagging = waiting.size() >= LIMIT;
            if (lagging) {
                closed = true;
                waiting.clear();
            } else {
                waiting.add(message);
            }
            start = !lagging && !sending;
            sending |= start;
        }
        if (lagging) {
            closeSession(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too far behind");
            return false;
        }
        if (start) {
            sendWaiting();
        }
        return true;
    }

    /**
     * Sends waiting messages until one is still in flight when its send call returns (its completion then carries
     * on, on the container's thread) or none is left. Sends that complete at once loop here instead of recursing.
     */
    private void sendWaiting() {
        while (true) {
            String next;
            synchronized (this) {
                next = closed ? null : waiting.poll();
                if (next == null) {
                    sending = false;
                    return;
                }
            }
            AtomicInteger progress = new AtomicInteger(IN_CALL);
            try {
                session.getAsyncRemote().sendText(next, result -> completed(result, progress));
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (progress.compareAndSet(IN_CALL, RETURNED)) {
                return;
            }
        }
    }

    private void completed(SendResult result, AtomicInteger progress) {
        if (!result.isOK()) {
            fail(result.getException());
        } else if (!progress.compareAndSet(IN_CALL, COMPLETED_IN_CALL)) {
            sendWaiting();
        }
    }

    private void fail(Throwable error) {
        LOG.log(Level.FINE, "A fleet stream connection failed; dropping it", error);
        synchronized (this) {
            closed = true;
            waiting.clear();
            sending = false;
        }
        closeSession(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed");
    }

    private void closeSession(CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a fleet stream session", e);
        }
    }
}
