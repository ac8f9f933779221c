package ir.tehran.womenfamily.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The registry's public HTTP API as the demo loader calls it: signed in at the gateway like any user (the
 * password grant of {@code /oauth2/token}, a new token before the last one expires), then straight to the
 * registry, which verifies the token itself (the gateway's per-client rate limit is for people and apps, not for
 * a bulk load). Every create carries an {@code Idempotency-Key}; an answer other than 2xx is an
 * {@link ApiException} with the problem the registry answered.
 */
final class RegistryApi {

    static final String ROOT = "/api/registry";
    /** How often a request the rate limit refused is sent in all. */
    private static final int RATE_LIMITED_TRIES = 20;

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    /** Bodies are maps of strings, numbers and lists: days go as ISO text. */
    private final ObjectMapper json = new ObjectMapper();
    private final String gateway;
    private final String registry;
    private final String username;
    private final String password;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** An answer other than 2xx. */
    static final class ApiException extends RuntimeException {

        private final int status;

        ApiException(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    RegistryApi(String gateway, String registry, String username, String password) {
        this.gateway = gateway;
        this.registry = registry;
        this.username = username;
        this.password = password;
    }

    /** {@code GET} of a registry path (under {@value #ROOT}). */
    JsonNode get(String path) {
        return send("GET " + path, request(path).GET());
    }

    /** {@code POST} of a JSON body, as a create: with a fresh {@code Idempotency-Key}. */
    JsonNode post(String path, Object body) {
        return send("POST " + path, request(path).header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** {@code POST} of a JSON body as an action on a resource read at {@code version} ({@code If-Match}). */
    JsonNode postOver(String path, Object body, long version) {
        return send("POST " + path, over(path, version).POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** {@code PUT} of a JSON body over the version {@code version} ({@code If-Match}). */
    JsonNode put(String path, Object body, long version) {
        return send("PUT " + path, over(path, version).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** A JSON request made over the version {@code version} of what it changes. */
    private HttpRequest.Builder over(String path, long version) {
        return request(path).header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"");
    }

    /**
     * {@code PUT} of a JSON body to {@code resource + part} of the gateway's own API (its user administration),
     * over the version of {@code resource} its {@code GET} answers ({@code If-Match} with that {@code ETag}, when
     * it gives one).
     */
    JsonNode putAtGateway(String resource, String part, Object body) {
        HttpResponse<String> current = exchange("GET " + resource, atGateway(resource));
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(gateway + resource + part)).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
            .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        current.headers().firstValue("ETag").ifPresent(tag -> put.header("If-Match", tag));
        return send("PUT " + resource + part, put);
    }

    /**
     * {@code POST} of a JSON body to a path of the gateway (another service's API through it, {@code /api/...}),
     * with a fresh {@code Idempotency-Key} as a create.
     */
    JsonNode postAtGateway(String path, Object body) {
        return send("POST " + path, HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token()).header("Accept", "application/json")
            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))));
    }

    /** {@code GET} of the gateway's own API. */
    JsonNode getAtGateway(String path) {
        return send("GET " + path, atGateway(path));
    }

    private HttpRequest.Builder atGateway(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET();
    }

    /** {@code POST} of a CSV; answers the {@code Location} of what it started. */
    String postCsv(String path, String csv) {
        HttpRequest.Builder r = request(path).header("Content-Type", "text/csv; charset=UTF-8")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        HttpResponse<String> answer = exchange("POST " + path, r);
        return answer.headers().firstValue("Location").orElseThrow(() -> new ApiException("POST " + path,
            answer.statusCode(), "no Location"));
    }

    /** {@code GET} of an absolute URL the registry gave (a {@code Location}). */
    JsonNode follow(String location) {
        URI uri = URI.create(location);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return send("GET " + path, HttpRequest.newBuilder(URI.create(registry + path)).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token()).header("Accept", "application/json").GET());
    }

    /** The items of a list answer: a bare array, or the {@code items} of a page. */
    static List<JsonNode> items(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        (answer.isArray() ? answer : answer.path("items")).forEach(out::add);
        return out;
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(registry + ROOT + path)).timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token()).header("Accept", "application/json")
            .header("Accept-Language", "en");
    }

    private JsonNode send(String what, HttpRequest.Builder request) {
        String body = exchange(what, request).body();
        try {
            return body.isEmpty() ? json.nullNode() : json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the request; a 429 (the gateway's rate limit refused it before any service saw it, so it is safe to
     * send again) is sent again after the {@code Retry-After} it names, at most {@link #RATE_LIMITED_TRIES} times.
     */
    private HttpResponse<String> exchange(String what, HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (int tries = 1; answer.statusCode() == 429 && tries < RATE_LIMITED_TRIES; tries++) {
                long seconds = answer.headers().firstValue("Retry-After").map(RegistryApi::seconds).orElse(1L);
                Thread.sleep(Math.min(seconds, 30) * 1000 + (long) (Math.random() * 250));
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            if (answer.statusCode() / 100 != 2) {
                throw new ApiException(what, answer.statusCode(), answer.body());
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The access token, signed in again a minute before it expires. */
    private synchronized String token() {
        if (Instant.now().isBefore(renewAt)) {
            return token;
        }
        String form = "grant_type=password&username=" + query(username) + "&password=" + query(password);
        HttpResponse<String> answer = exchange("POST /oauth2/token", HttpRequest.newBuilder(
                URI.create(gateway + "/oauth2/token")).timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
        try {
            JsonNode t = json.readTree(answer.body());
            token = t.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(Math.max(30, t.path("expires_in").asLong(300) - 60));
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
