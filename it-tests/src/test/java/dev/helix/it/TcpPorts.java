package dev.helix.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether a local service the tests started listens yet. */
final class TcpPorts {

    private TcpPorts() {
    }

    /** Whether something accepts connections on 127.0.0.1 at this port. */
    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
