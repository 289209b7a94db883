package dev.helix.web.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The browsers connected to the fleet stream on this server, and the sending of events to them. */
@ApplicationScoped
public class FleetBroadcaster {

    private static final Logger LOG = Logger.getLogger(FleetBroadcaster.class.getName());

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    void join(Session session) {
        sessions.add(session);
    }

    void leave(Session session) {
        sessions.remove(session);
    }

    /** Sends one event (JSON text) to every open session; a broken session is dropped. */
    public void broadcast(String json) {
        for (Session session : sessions) {
            if (!session.isOpen()) {
                sessions.remove(session);
                continue;
            }
            try {
                session.getAsyncRemote().sendText(json);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Dropping a fleet stream session", e);
                sessions.remove(session);
            }
        }
    }
}
