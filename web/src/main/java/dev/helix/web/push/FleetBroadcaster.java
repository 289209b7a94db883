package dev.helix.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The browsers connected to the fleet stream on this server, and the sending of events to them. */
@ApplicationScoped
public class FleetBroadcaster {

    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();

    /** One browser's stream, and whether it may receive what agents' models write (its user may read tasks). */
    private record Listener(FleetStreamOutbox outbox, boolean readsTasks) {
    }

    /** The first message of every stream: tells the browser it is connected, so it can catch up on what it missed. */
    static final String OPENED = "{\"type\":\"STREAM_OPENED\"}";

    void join(Session session, boolean readsTasks) {
        FleetStreamOutbox outbox = new FleetStreamOutbox(session);
        listeners.put(session.getId(), new Listener(outbox, readsTasks));
        outbox.offer(OPENED);
    }

    void leave(Session session) {
        listeners.remove(session.getId());
    }

    /**
     * Sends one event (JSON text) to every open session, in order per session, an event carrying tasks' content (a
     * model's output) only to sessions whose user may read tasks; a closed, failing or lagging one is dropped. Never
     * throws: one browser's trouble must not touch the others or the relay's transaction.
     */
    public void broadcast(String json, boolean taskContent) {
        listeners.entrySet().removeIf(entry -> {
            Listener listener = entry.getValue();
            return !listener.outbox().isOpen() || (!taskContent || listener.readsTasks()) && !listener.outbox().offer(json);
        });
    }
}
