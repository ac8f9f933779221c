package ir.tehran.womenfamily.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server standing in for the registry service (echo, slow, streaming and failing
 * endpoints, an API document and a readiness endpoint), and ports where nothing listens standing in
 * for bazaar, sponsorship and notification being down.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    /** How long {@code /api/registry/slow} waits: longer than the test profile's response timeout. */
    static final long SLOW_MILLIS = 3000;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
                .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("fake registry did not start", e);
        }
        return Map.of(
            "gateway.services.registry.url", "http://127.0.0.1:" + port,
            "gateway.services.bazaar.url", "http://127.0.0.1:" + unusedPort(),
            "gateway.services.sponsorship.url", "http://127.0.0.1:" + unusedPort() + "/",
            "gateway.services.notification.url", "http://127.0.0.1:" + unusedPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            json(request, 200, new JsonObject().put("status", "UP"));
        } else if (path.equals("/q/openapi")) {
            json(request, 200, new JsonObject(OPENAPI));
        } else if (path.equals("/api/registry/slow")) {
            vertx.setTimer(SLOW_MILLIS, t -> {
                if (!request.response().closed()) {
                    json(request, 200, new JsonObject().put("slow", true));
                }
            });
        } else if (path.equals("/api/registry/stream")) {
            int chunks = Integer.parseInt(request.getParam("chunks", "10"));
            request.response().setChunked(true).putHeader("Content-Type", "text/plain");
            for (int i = 0; i < chunks; i++) {
                request.response().write("x".repeat(1000));
            }
            request.response().end();
        } else if (path.equals("/api/registry/leaky-headers")) {
            // what a careless service might send: its software, its own CORS answer, maybe a cache policy
            request.response()
                .putHeader("Server", "FakeServer/1.0")
                .putHeader("X-Powered-By", "Fake")
                .putHeader("Access-Control-Allow-Origin", "*");
            String cache = request.getParam("cache");
            if (cache != null) {
                request.response().putHeader("Cache-Control", cache);
            }
            json(request, 200, new JsonObject().put("leaky", true));
        } else if (path.equals("/api/registry/calendar")) {
            // a revalidated answer, as the bazaar's public calendar gives it: 304 with no length and no body
            String tag = "\"calendar-v1\"";
            if (tag.equals(request.getHeader("If-None-Match"))) {
                request.response().setStatusCode(304).putHeader("ETag", tag)
                    .putHeader("Cache-Control", "public, max-age=300").end();
            } else {
                request.response().putHeader("ETag", tag).putHeader("Cache-Control", "public, max-age=300");
                json(request, 200, new JsonObject().put("bazaars", 2));
            }
        } else if (path.equals("/api/registry/sign-in/lookup")) {
            signInLookup(request);
        } else if (path.startsWith("/api/registry/status/")) {
            int status = Integer.parseInt(path.substring("/api/registry/status/".length()));
            json(request, status, new JsonObject().put("from", "registry").put("status", status));
        } else {
            echo(request);
        }
    }

    /** The registry's number of a registered woman ({@link #signInLookup}). */
    public static final String REGISTERED_MOBILE = "+989120000001";
    /** Her id in the registry. */
    public static final String REGISTERED_BENEFICIARY = "7d0c5c0e-0000-4000-8000-000000000001";

    /**
     * The registry's sign-in lookup: only for the gateway's own token (role gateway), the number in the body; one
     * registered woman, {@link #REGISTERED_MOBILE}.
     */
    private static void signInLookup(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")
            || !groups(authorization.substring(7)).contains("\"gateway\"")) {
            json(request, 403, new JsonObject().put("status", 403));
            return;
        }
        request.body().onSuccess(body -> {
            String mobile = body.toJsonObject().getString("mobile");
            json(request, 200, new JsonObject().put("beneficiaryId",
                REGISTERED_MOBILE.equals(mobile) ? REGISTERED_BENEFICIARY : null));
        });
    }

    /** The {@code groups} claim of a JWT, as JSON text (the signature is the gateway's own; not checked here). */
    private static String groups(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return "";
        }
        JsonObject claims = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
            java.nio.charset.StandardCharsets.UTF_8));
        return String.valueOf(claims.getValue("groups"));
    }

    /** Answers with what arrived: method, path and query, the headers the gateway adds, and the body's digest. */
    private static void echo(HttpServerRequest request) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long[] bytes = {0};
        Buffer head = Buffer.buffer();
        request.handler(chunk -> {
            bytes[0] += chunk.length();
            sha.update(chunk.getBytes());
            if (head.length() < 4096) {
                head.appendBuffer(chunk);
            }
        });
        request.endHandler(v -> json(request, 200, new JsonObject()
            .put("method", request.method().name())
            .put("uri", request.uri())
            .put("requestId", request.getHeader("X-Request-Id"))
            .put("authorization", request.getHeader("Authorization"))
            .put("forwardedFor", request.getHeader("X-Forwarded-For"))
            .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
            .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
            .put("forwardedPort", request.getHeader("X-Forwarded-Port"))
            .put("forwardedPrefix", request.getHeader("X-Forwarded-Prefix"))
            .put("forwarded", request.getHeader("Forwarded"))
            .put("contentType", request.getHeader("Content-Type"))
            .put("traceparent", request.getHeader("traceparent"))
            .put("expect", request.getHeader("Expect"))
            .put("bytes", bytes[0])
            .put("sha256", HexFormat.of().formatHex(sha.digest()))
            .put("body", bytes[0] <= 4096 ? head.toString() : null)));
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    /** The registry's API document: one path, a schema of its own and one whose name clashes with the gateway's. */
    private static final String OPENAPI = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Registry", "version": "1.0"},
          "security": [{"SecurityScheme": []}],
          "tags": [{"name": "People"}],
          "paths": {
            "/api/registry/people": {
              "get": {
                "tags": ["People"],
                "responses": {
                  "200": {"description": "people", "content": {"application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Person"}}}}},
                  "400": {"description": "bad", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/TokenError"}}}}
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Person": {"type": "object", "properties": {"name": {"type": "string"}}},
              "TokenError": {"type": "object", "properties": {"registryOnly": {"type": "integer"}}}
            },
            "securitySchemes": {
              "SecurityScheme": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                "description": "Authentication"}
            }
          }
        }
        """;
}
