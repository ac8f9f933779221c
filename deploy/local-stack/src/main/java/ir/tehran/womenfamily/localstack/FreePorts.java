package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Free TCP ports on 127.0.0.1. A port handed out once is never handed out again by this process: the services'
 * ports are chosen before PostgreSQL and Kafka start, and a port chosen for a service that is not listening yet
 * is free again as far as the operating system knows.
 */
public final class FreePorts {

    /** Attempts at finding one port not handed out before. */
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free ports, none of them returned before by this process. All sockets stay
     * open until every port is chosen, or the operating system could hand out the same port twice.
     */
    public static int[] allocate(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                int attempts = 0;
                while (true) {
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                    socket.setReuseAddress(true);
                    sockets.add(socket);
                    if (GIVEN.add(socket.getLocalPort())) {
                        ports[i] = socket.getLocalPort();
                        break;
                    }
                    if (++attempts >= ATTEMPTS) {
                        throw new IllegalStateException("no free port left that was not handed out already");
                    }
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do: the port is free either way
                }
            }
        }
    }

    public static boolean isOpen(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
