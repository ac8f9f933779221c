package ir.tehran.womenfamily.registry.dci;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on the loopback interface standing for an agency's callback receiver: it answers each
 * request with the next status of a script (the last one repeats) and keeps what it received.
 */
final class CallbackEndpoint implements AutoCloseable {

    /** A request received: its path and body. */
    record Received(String path, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int[] script;
    private volatile String location;

    CallbackEndpoint(String host, int... script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(host, 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(), new String(body, StandardCharsets.UTF_8)));
            int[] s = this.script;
            int status = s[Math.min(calls.getAndIncrement(), s.length - 1)];
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** From now on, answer with these statuses. */
    void answer(int... statuses) {
        calls.set(0);
        script = statuses;
    }

    void redirectTo(String url) {
        location = url;
    }

    String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
