package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Mass assignment (OWASP API3): no write operation lets a client set a field the server owns. Generated
 * from a service's own OpenAPI document ({@code /q/openapi}): every POST, PUT, PATCH and DELETE with a JSON
 * body is listed, and
 * <ul>
 * <li>its request shape must not name a server-owned field, except an operation whose whole purpose is to
 * move that field ({@code allowed});</li>
 * <li>each operation with a fixture is called, once per field, with a valid body plus one server-owned field
 * (or a derived field the request does not name, or a field its answer has but its request does not) set to a
 * recognisable value; neither the answer nor the record read back may carry that value. A 400 (the strict
 * reader refusing a field it does not know) is as good as ignoring it. One field per call, because a body
 * with all of them would be refused for the first unknown one and hide any later one the reader takes.</li>
 * </ul>
 * An operation of the document with neither a fixture nor a place in {@code noFixtureYet} fails the test,
 * and so does a listed operation the document no longer has. Each service keeps its fixtures and lists in
 * its own {@code security/MassAssignmentTest}; the reading of the document and the checks live here once.
 */
public final class MassAssignment {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Fields only a server sets, whatever the service or operation. */
    public static final Set<String> COMMON_SERVER_OWNED = Set.of("id", "version", "status", "createdAt", "createdBy",
        "updatedAt", "updatedBy", "mergedInto");

    /**
     * A concrete call: whose token, which path, a valid body, an {@code If-Match} value (or null), and where the
     * stored record is read back ({@code "location"} for the answer's Location header, or null for none).
     */
    public record Call(String token, String path, String body, String etag, String readBack) {

        public static Call of(String token, String path, String body) {
            return new Call(token, path, body, null, null);
        }
    }

    private final URI base;
    private final Set<String> serverOwned;
    private final Set<String> derived;
    private final Map<String, Set<String>> allowed;
    private final Map<String, Supplier<Call>> fixtures;
    private final Set<String> noFixtureYet;
    private final Map<String, Object> values;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param base         the service's root URL, as the test sees it
     * @param serverOwned  fields only the server sets
     * @param derived      fields the server derives when the request does not name them
     * @param allowed      "METHOD path" → the server-owned fields that operation exists to move
     * @param fixtures     "METHOD path" → a valid call, made fresh for each check
     * @param noFixtureYet JSON write operations still checked by their request shape only
     */
    public MassAssignment(URI base, Set<String> serverOwned, Set<String> derived, Map<String, Set<String>> allowed,
        Map<String, Supplier<Call>> fixtures, Set<String> noFixtureYet) {
        this(base, serverOwned, derived, allowed, fixtures, noFixtureYet, Map.of());
    }

    /**
     * As above, with {@code values}: field → the value to inject instead of the one {@link #injected} would choose.
     * For fields it cannot choose by itself (a boolean or a list, such as an account's {@code active} or
     * {@code roles}): each value must differ from what the fixtures' records hold, so that a record that took it
     * shows it.
     */
    public MassAssignment(URI base, Set<String> serverOwned, Set<String> derived, Map<String, Set<String>> allowed,
        Map<String, Supplier<Call>> fixtures, Set<String> noFixtureYet, Map<String, Object> values) {
        this.values = values;
        this.base = base;
        this.serverOwned = serverOwned;
        this.derived = derived;
        this.allowed = allowed;
        this.fixtures = fixtures;
        this.noFixtureYet = noFixtureYet;
    }

    /** Runs both checks and returns every failure (empty when the service holds). */
    public List<String> verify() throws IOException, InterruptedException {
        JsonNode openapi = JSON.readTree(send("GET", "q/openapi?format=json", null, null, null).body());
        Map<String, JsonNode> ops = writeOperations(openapi);
        List<String> failures = new ArrayList<>();

        Set<String> unplaced = new TreeSet<>(ops.keySet());
        unplaced.removeAll(fixtures.keySet());
        unplaced.removeAll(noFixtureYet);
        unplaced.forEach(o -> failures.add(o + ": a JSON write operation with neither a fixture nor a place in the "
            + "no-fixture list"));
        Set<String> gone = new TreeSet<>(fixtures.keySet());
        gone.addAll(noFixtureYet);
        gone.removeAll(ops.keySet());
        gone.forEach(o -> failures.add(o + ": listed, but not a JSON write operation of the document"));

        for (Map.Entry<String, JsonNode> op : ops.entrySet()) {
            JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").get("schema");
            Map<String, JsonNode> request = properties(openapi, schema);
            Set<String> mayMove = allowed.getOrDefault(op.getKey(), Set.of());
            for (String field : request.keySet()) {
                if (serverOwned.contains(field) && !mayMove.contains(field)) {
                    failures.add(op.getKey() + ": the request shape names the server-owned field " + field);
                }
            }
            Supplier<Call> fixture = fixtures.get(op.getKey());
            if (fixture == null) {
                continue;
            }
            boolean[] refused = new boolean[1];
            Map<String, JsonNode> response = responseProperties(openapi, op.getValue());
            Map<String, Object> injected = new LinkedHashMap<>();
            for (String field : serverOwned) {
                if (!mayMove.contains(field)) {
                    injected.put(field, valueFor(field, response.get(field)));
                }
            }
            for (String field : derived) {
                if (!request.containsKey(field)) {
                    injected.put(field, valueFor(field, response.get(field)));
                }
            }
            response.forEach((field, s) -> {
                if (!request.containsKey(field) && !mayMove.contains(field)) {
                    injected.putIfAbsent(field, valueFor(field, s));
                }
            });
            injected.values().removeIf(Objects::isNull);
            // one field at a time: with a strict reader a body carrying every field at
            // once is refused for the first unknown one, which would hide a later one that the reader accepts
            // and once without: the fixture's own body must be accepted, or every refusal above proves nothing.
            // A fixture refused with a 400 changed nothing (no rejected request writes), so it serves the next
            // field; one that was accepted is used up and the next field gets a fresh one.
            failures.addAll(check(op.getKey(), fixture.get(), Map.of(), refused));
            Call current = null;
            for (Map.Entry<String, Object> field : injected.entrySet()) {
                if (current == null) {
                    current = fixture.get();
                }
                refused[0] = false;
                failures.addAll(check(op.getKey(), current, Map.of(field.getKey(), field.getValue()), refused));
                if (!refused[0]) {
                    current = null;
                }
            }
        }
        return failures;
    }

    /** The document's JSON write operations: "METHOD path" → the operation. */
    static Map<String, JsonNode> writeOperations(JsonNode openapi) {
        Map<String, JsonNode> ops = new TreeMap<>();
        openapi.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            String method = m.getKey().toUpperCase(Locale.ROOT);
            JsonNode content = m.getValue().path("requestBody").path("content");
            if (WRITES.contains(method) && content.has("application/json")) {
                ops.put(method + " " + p.getKey(), m.getValue());
            }
        }));
        return ops;
    }

    private static JsonNode resolve(JsonNode openapi, JsonNode schema) {
        JsonNode s = schema;
        while (s != null && s.has("$ref")) {
            String name = s.get("$ref").asText().replace("#/components/schemas/", "");
            s = openapi.path("components").path("schemas").get(name);
        }
        if (s != null && s.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode();
            ObjectNode props = merged.putObject("properties");
            for (JsonNode part : s.get("allOf")) {
                JsonNode r = resolve(openapi, part);
                if (r != null && r.has("properties")) {
                    props.setAll((ObjectNode) r.get("properties"));
                }
            }
            return merged;
        }
        return s;
    }

    private static Map<String, JsonNode> properties(JsonNode openapi, JsonNode schema) {
        Map<String, JsonNode> props = new LinkedHashMap<>();
        JsonNode s = resolve(openapi, schema);
        if (s != null && "array".equals(s.path("type").asText()) && s.has("items")) {
            s = resolve(openapi, s.get("items"));
        }
        if (s != null && s.has("properties")) {
            s.get("properties").fields().forEachRemaining(e -> props.put(e.getKey(), resolve(openapi, e.getValue())));
        }
        return props;
    }

    private static Map<String, JsonNode> responseProperties(JsonNode openapi, JsonNode op) {
        Map<String, JsonNode> props = new LinkedHashMap<>();
        op.path("responses").fields().forEachRemaining(r -> {
            if (r.getKey().startsWith("2")) {
                JsonNode schema = r.getValue().path("content").path("application/json").get("schema");
                if (schema != null) {
                    props.putAll(properties(openapi, schema));
                }
            }
        });
        return props;
    }

    private Object valueFor(String name, JsonNode schema) {
        return values.containsKey(name) ? values.get(name) : injected(name, schema);
    }

    /** A recognisable value for a field, of its type where the document gives it (null: not injected). */
    static Object injected(String name, JsonNode schema) {
        if (schema != null && schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(values.size() - 1).asText();
        }
        String type = schema == null ? null : schema.path("type").asText(null);
        String format = schema == null ? null : schema.path("format").asText(null);
        if ("integer".equals(type) || "version".equals(name)) {
            return "district".equals(name) ? 21 : 987_654_321;
        }
        if ("number".equals(type)) {
            return 98_765.5;
        }
        if ("boolean".equals(type) || "array".equals(type) || "object".equals(type)) {
            return null;
        }
        if ("uuid".equals(format) || "id".equals(name) || name.endsWith("Id") || "mergedInto".equals(name)) {
            return "00000000-0000-4000-8000-00000000dead";
        }
        if ("date-time".equals(format) || name.endsWith("At")) {
            return "2001-02-03T04:05:06Z";
        }
        if ("date".equals(format)) {
            return "2001-02-03";
        }
        return switch (name) {
            case "status" -> "EXITED";
            case "supportLevel" -> "SELF_RELIANT";
            case "district" -> 21;
            case "registeredOn" -> "1380-01-01";
            default -> "injected-by-client";
        };
    }

    /** Sends {@code call} with {@code injected}; {@code refused[0]} is set when the service answered 400. */
    private List<String> check(String op, Call call, Map<String, Object> injected, boolean[] refused)
        throws IOException, InterruptedException {
        ObjectNode body = (ObjectNode) JSON.readTree(call.body());
        injected.forEach((k, v) -> body.set(k, JSON.valueToTree(v)));
        String method = op.substring(0, op.indexOf(' '));
        HttpResponse<String> r = send(method, call.path(), call.token(), body.toString(), call.etag());
        List<String> failures = new ArrayList<>();
        if (r.statusCode() == 400 && !injected.isEmpty()) {
            refused[0] = true;
            return failures; // refused: a strict reader answers 400 to fields it does not know
        }
        if (r.statusCode() / 100 != 2) {
            failures.add(op + ": the valid call answered " + r.statusCode() + " " + r.body());
            return failures;
        }
        List<JsonNode> records = new ArrayList<>();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!r.body().isBlank() && type.contains("json")) {
            records.add(JSON.readTree(r.body()));
        }
        String readBack = "location".equals(call.readBack()) ? r.headers().firstValue("Location").orElse(null)
            : call.readBack();
        if (readBack != null) {
            HttpResponse<String> again = send("GET", readBack, call.token(), null, null);
            if (again.statusCode() != 200) {
                failures.add(op + ": reading back " + readBack + " answered " + again.statusCode() + " "
                    + again.body());
                return failures;
            }
            records.add(JSON.readTree(again.body()));
        }
        for (JsonNode record : records) {
            List<JsonNode> objects = new ArrayList<>();
            if (record.isArray()) {
                record.forEach(objects::add);
            } else {
                objects.add(record);
            }
            for (JsonNode object : objects) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    Object value = injected.get(field.getKey());
                    JsonNode sent = value == null ? null : JSON.valueToTree(value);
                    boolean taken = sent != null && (sent.isContainerNode() ? sent.equals(field.getValue())
                        : sent.asText().equals(field.getValue().asText()));
                    if (taken) {
                        failures.add(op + ": the stored record took " + field.getKey() + "=" + value);
                    }
                }
            }
        }
        return failures;
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String etag)
        throws IOException, InterruptedException {
        URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path.startsWith("/") ? path.substring(1)
            : path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (etag != null) {
            b.header("If-Match", etag);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
