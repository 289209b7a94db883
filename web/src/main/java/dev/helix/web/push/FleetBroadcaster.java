package dev.helix.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The browsers connected to the fleet stream on this server, and the sending of events to them. */
@ApplicationScoped
public class FleetBroadcaster {

    private final Map<String, FleetStreamOutbox> outboxes = new ConcurrentHashMap<>();

    /** The first message of every stream: tells the browser it is connected, so it can catch up on what it missed. */
    static final String OPENED = "{\"type\":\"STREAM_OPENED\"}";

    void join(Session session) {
        FleetStreamOutbox outbox = new FleetStreamOutbox(session);
        outboxes.put(session.getId(), outbox);
        outbox.offer(OPENED);
    }

    void leave(Session session) {
        outboxes.remove(session.getId());
    }

    /**
     * Sends one event (JSON text) to every open session, in order per session; a closed, failing or lagging one is
     * dropped. Never throws: one browser's trouble must not touch the others or the relay's transaction.
     */
    public void broadcast(String json) {
        outboxes.entrySet().removeIf(entry -> !entry.getValue().isOpen() || !entry.getValue().offer(json));
    }
}
