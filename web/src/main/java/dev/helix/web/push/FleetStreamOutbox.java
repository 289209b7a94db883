package dev.helix.web.push;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The messages on their way to one browser, sent one after the other: a WebSocket session takes a new
 * asynchronous send only once the previous one has completed. A browser that falls more than {@value #LIMIT}
 * messages behind is disconnected (its page reconnects and reloads its state) rather than slowing the others.
 */
final class FleetStreamOutbox {

    static final int LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(FleetStreamOutbox.class.getName());

    private final Session session;
    private final Queue<String> waiting = new ArrayDeque<>();
    private boolean sending;

    FleetStreamOutbox(Session session) {
        this.session = session;
    }

    boolean isOpen() {
        return session.isOpen();
    }

    /** Queues a message; sends it now when nothing else is in flight. False when the browser is too far behind. */
    boolean offer(String message) {
        synchronized (this) {
            if (waiting.size() >= LIMIT) {
                close();
                return false;
            }
            waiting.add(message);
            if (sending) {
                return true;
            }
            sending = true;
        }
        sendNext();
        return true;
    }

    private void sendNext() {
        String next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                sending = false;
                return;
            }
        }
        session.getAsyncRemote().sendText(next, this::sent);
    }

    private void sent(SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.FINE, "A fleet stream message could not be sent", result.getException());
        }
        sendNext();
    }

    private void close() {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "too far behind"));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a lagging fleet stream session", e);
        }
    }
}
