package dev.helix.web.push;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * WebSocket stream of fleet events at {@code /push/fleet} (signed-in users only): every task status change,
 * checklist step and agent status change as one JSON message, so pages update by push. A CDI bean, one per
 * connection, so that Liberty creates it through CDI and injects the broadcaster.
 */
@Dependent
@ServerEndpoint("/push/fleet")
public class FleetSocket {

    @Inject
    FleetBroadcaster broadcaster;

    @OnOpen
    public void open(Session session) {
        broadcaster.join(session);
    }

    @OnClose
    public void close(Session session) {
        broadcaster.leave(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        broadcaster.leave(session);
    }
}
