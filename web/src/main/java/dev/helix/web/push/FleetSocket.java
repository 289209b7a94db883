package dev.helix.web.push;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.identity.service.UserDirectory;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Optional;

/**
 * WebSocket stream of fleet events at {@code /push/fleet} (signed-in users only): every task status change,
 * checklist step and agent status change as one JSON message, so pages update by push; what agents' models write
 * only to users whose roles may read tasks. A CDI bean, one per connection, so that Liberty creates it through CDI
 * and injects the broadcaster.
 */
@Dependent
@ServerEndpoint("/push/fleet")
public class FleetSocket {

    @Inject
    FleetBroadcaster broadcaster;

    @Inject
    UserDirectory users;

    @Inject
    PermissionMatrix matrix;

    @OnOpen
    public void open(Session session) {
        broadcaster.join(session, mayReadTasks(session));
    }

    /** Whether the user's roles, as the directory holds them now, grant reading tasks (and so their models' text). */
    private boolean mayReadTasks(Session session) {
        return Optional.ofNullable(session.getUserPrincipal()).flatMap(user -> users.user(user.getName()))
                .map(user -> matrix.grants().ofRoles(Role.allNamed(user.getRoles())).contains(Permission.TASK_READ))
                .orElse(false);
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
