package dev.helix.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The browsers connected to the fleet stream on this server, and the sending of events to them. */
@ApplicationScoped
public class FleetBroadcaster {

    private final Map<String, FleetStreamOutbox> outboxes = new ConcurrentHashMap<>();

    void join(Session session) {
        outboxes.put(session.getId(), new FleetStreamOutbox(session));
    }

    void leave(Session session) {
        outboxes.remove(session.getId());
    }

    /** Sends one event (JSON text) to every open session, in order per session; a closed or lagging one is dropped. */
    public void broadcast(String json) {
        outboxes.entrySet().removeIf(entry -> !entry.getValue().isOpen() || !entry.getValue().offer(json));
    }
}
