package ir.tehran.womenfamily.system.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Malformed requests made from an OpenAPI document, deterministically from a seed: for each operation a
 * well-formed request is sketched from its parameters and request body schema, then broken in one of
 * the ways clients break them — broken JSON, a wrong content type, a wrong type or a missing required
 * field, an extra field, huge strings and bodies, invalid national codes, Arabic and Persian letter
 * variants, impossible Jalali dates, injection strings, malformed ids.
 */
public final class MalformedRequests {

    /** One request to send. {@code body} null means none; {@code kind} says how it was broken. */
    public record Request(String operation, String method, String path, String contentType, byte[] body,
            String kind) {
    }

    /** One operation of the document. */
    public record Operation(String method, String template, JsonNode parameters, JsonNode requestBody) {

        public String id() {
            return method.toUpperCase() + " " + template;
        }

        boolean hasInputs() {
            return (parameters != null && parameters.size() > 0) || requestBody != null;
        }
    }

    static final List<String> INJECTIONS = List.of("' OR '1'='1' --", "1; DROP TABLE beneficiary; --",
        "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "%00", "{{7*7}}",
        "\u0000", "\\u0000\\\"", "' || pg_sleep(1) || '", "$where: '1 == 1'", "*)(uid=*))(|(uid=*");
    static final List<String> NATIONAL_CODES = List.of("1111111111", "0012345678", "123", "۰۰۱۲۳۴۵۶۷۸",
        "00123456791", "abcdefghij", "");
    static final List<String> JALALI = List.of("1402-12-30", "1403-13-01", "1403/00/10", "1402-07-31",
        "۱۴۰۲/۱۲/۳۰", "2023-02-29", "31/31/31", "1300-01-00", "99999-01-01", "1403-1-1-1");
    static final List<String> PERSIAN = List.of("كبري محمدي", "زهرا\u200Cمحمدی", "ي ك ة ۀ", "۱۲۳٤٥٦",
        "\u200C\u200C\u200C", "علی\u200Fرضا", "\uFEFFفاطمه", "ـــــ");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document;
    private final Random random;

    public MalformedRequests(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** Every operation with at least one input (a parameter or a body) — the others have nothing to break. */
    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode shared = path.getValue().path("parameters");
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                ArrayNode params = NODES.arrayNode();
                shared.forEach(p -> params.add(resolve(p)));
                op.path("parameters").forEach(p -> params.add(resolve(p)));
                JsonNode body = op.has("requestBody") ? resolve(op.get("requestBody")) : null;
                Operation operation = new Operation(method, path.getKey(), params, body);
                if (operation.hasInputs()) {
                    ops.add(operation);
                }
            }
        }
        return ops;
    }

    /** {@code count} broken variants of one operation. */
    public List<Request> requests(Operation op, int count) {
        List<Request> out = new ArrayList<>();
        List<String> kinds = kinds(op);
        // each operation starts at another kind, so that a small count still covers every kind over the document
        int first = kinds.isEmpty() ? 0 : random.nextInt(kinds.size());
        for (int i = 0; i < count && !kinds.isEmpty(); i++) {
            out.add(request(op, kinds.get((first + i) % kinds.size())));
        }
        return out;
    }

    /** Whether the operation takes anything a request can get wrong (a path id, a query, a body). */
    public boolean malformable(Operation op) {
        return !kinds(op).isEmpty();
    }

    private static List<String> kinds(Operation op) {
        List<String> kinds = new ArrayList<>();
        if (has(op, "path")) {
            kinds.add("path-id");
        }
        if (has(op, "query")) {
            kinds.addAll(List.of("query-type", "query-injection", "query-jalali", "query-huge", "persian"));
        }
        if (op.requestBody() != null) {
            kinds.addAll(List.of("broken-json", "content-type", "wrong-type", "missing-required", "extra-and-wrong",
                "huge-string", "national-code", "jalali", "injection", "null-body", "array-body", "empty-body",
                "persian"));
        }
        return kinds;
    }

    private static boolean has(Operation op, String in) {
        for (JsonNode p : op.parameters()) {
            if (in.equals(p.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request that is well formed but for its ids: every path parameter a fresh random one (a UUID where
     * the document says so), the body sketched from its schema; for actions on things that do not exist.
     */
    public Request unknownIds(Operation op) {
        String contentType = bodyContentType(op);
        JsonNode body = op.requestBody() == null ? null : sketch(bodySchema(op), 0);
        String path = op.template();
        for (JsonNode p : op.parameters()) {
            if ("path".equals(p.path("in").asText())) {
                String value = "uuid".equals(schemaOf(p).path("format").asText()) ? UUID.randomUUID().toString()
                    : "unknown-" + UUID.randomUUID().toString().substring(0, 8);
                path = path.replace("{" + p.path("name").asText() + "}", encodePath(value));
            }
        }
        String query = query(op, null);
        return new Request(op.id(), op.method(), query.isEmpty() ? path : path + "?" + query,
            body == null ? null : contentType, body == null ? null : bytes(body), "unknown-ids");
    }

    /** A body larger than the gateway accepts (10 MB), for one operation. */
    public Request hugeBody(Operation op) {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        body[0] = '"';
        body[body.length - 1] = '"';
        return new Request(op.id(), op.method(), path(op, null), "application/json", body, "huge-body");
    }

    private Request request(Operation op, String kind) {
        String contentType = bodyContentType(op);
        ObjectNode body = op.requestBody() == null ? null : sketch(bodySchema(op), 0) instanceof ObjectNode o ? o
            : null;
        String pathKind = kind.startsWith("path") ? "path" : null;
        String queryKind = kind.startsWith("query") ? kind : null;
        byte[] bytes = body == null ? null : bytes(body);
        switch (kind) {
            case "broken-json" -> bytes = brokenJson(bytes);
            case "content-type" -> contentType = pick(List.of("text/plain", "application/xml", "text/csv",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"));
            case "wrong-type" -> bytes = mutate(body, this::wrongType, bytes);
            case "missing-required" -> bytes = missingRequired(op, body, bytes);
            case "extra-and-wrong" -> {
                if (body != null) {
                    body.put("__extra_" + random.nextInt(1000), pick(INJECTIONS));
                    body.put("id", UUID.randomUUID().toString());
                    body.put("status", "HACKED");
                }
                bytes = mutate(body, this::wrongType, bytes);
            }
            case "huge-string" -> bytes = mutate(body, n -> NODES.textNode("ز".repeat(100_000 + random.nextInt(1000))),
                bytes);
            case "national-code" -> bytes = setNamed(body, "nationalcode", NODES.textNode(pick(NATIONAL_CODES)),
                bytes);
            case "jalali" -> bytes = setNamed(body, "date", NODES.textNode(pick(JALALI)), bytes);
            case "injection" -> bytes = mutate(body, n -> NODES.textNode(pick(INJECTIONS)), bytes);
            case "null-body" -> bytes = "null".getBytes(StandardCharsets.UTF_8);
            case "array-body" -> bytes = "[{}, 1, \"x\"]".getBytes(StandardCharsets.UTF_8);
            case "empty-body" -> bytes = new byte[0];
            case "persian" -> bytes = body == null ? null : mutate(body, n -> NODES.textNode(pick(PERSIAN)), bytes);
            default -> {
            }
        }
        if (op.requestBody() != null && bytes == null) {
            bytes = "{".getBytes(StandardCharsets.UTF_8);
        }
        String path = path(op, pathKind);
        String query = query(op, queryKind == null && kind.equals("persian") ? "query-persian" : queryKind);
        return new Request(op.id(), op.method(), query.isEmpty() ? path : path + "?" + query,
            bytes == null ? null : contentType, bytes, kind);
    }

    private String path(Operation op, String kind) {
        String path = op.template();
        for (JsonNode p : op.parameters()) {
            if (!"path".equals(p.path("in").asText())) {
                continue;
            }
            String value = kind == null ? validLooking(schemaOf(p)) : pick(List.of("not-a-uuid", "0", "-1",
                "' OR 1=1 --", "%2e%2e%2f%2e%2e%2f", "x".repeat(5000), "۱۲۳", "null", UUID.randomUUID() + "x",
                "%00", "<script>"));
            path = path.replace("{" + p.path("name").asText() + "}", encodePath(value));
        }
        return path;
    }

    private String query(Operation op, String kind) {
        List<String> parts = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            JsonNode schema = schemaOf(p);
            String value;
            if (kind == null) {
                if (!p.path("required").asBoolean(false)) {
                    continue;
                }
                value = validLooking(schema);
            } else {
                value = switch (kind) {
                    case "query-type" -> pick(List.of("abc", "-1", "1e309", "99999999999999999999", "true", "[]",
                        "UNKNOWN_VALUE", ""));
                    case "query-injection" -> pick(INJECTIONS);
                    case "query-jalali" -> pick(JALALI);
                    case "query-huge" -> "ق".repeat(3_000);
                    default -> pick(PERSIAN);
                };
            }
            parts.add(URLEncoder.encode(p.path("name").asText(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    private static String encodePath(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String bodyContentType(Operation op) {
        JsonNode content = op.requestBody() == null ? null : op.requestBody().path("content");
        if (content == null || !content.fieldNames().hasNext()) {
            return "application/json";
        }
        return content.has("application/json") ? "application/json" : content.fieldNames().next();
    }

    private JsonNode bodySchema(Operation op) {
        JsonNode content = op.requestBody().path("content");
        JsonNode media = content.has("application/json") ? content.get("application/json")
            : content.elements().hasNext() ? content.elements().next() : NODES.objectNode();
        return resolve(media.path("schema"));
    }

    /** A plausible value for a schema, so that only the mutation makes the request wrong. */
    private JsonNode sketch(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (depth > 4) {
            return NODES.nullNode();
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            ObjectNode merged = NODES.objectNode();
            schema.get("allOf").forEach(s -> {
                JsonNode part = sketch(s, depth + 1);
                if (part instanceof ObjectNode o) {
                    merged.setAll(o);
                }
            });
            return merged;
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                schema.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(),
                    sketch(e.getValue(), depth + 1)));
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.add(sketch(schema.path("items"), depth + 1));
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(validLooking(schema));
            }
        }
    }

    private String validLooking(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        return switch (schema.path("format").asText()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "1403-02-10";
            case "date-time" -> "2024-05-01T10:00:00Z";
            case "int32", "int64" -> "1";
            default -> switch (type(schema)) {
                case "integer", "number" -> "1";
                case "boolean" -> "true";
                default -> "نمونه";
            };
        };
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asText())) {
                    return x.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private JsonNode wrongType(JsonNode value) {
        if (value.isTextual()) {
            return pick(List.of(NODES.objectNode().put("x", 1), NODES.arrayNode().add(1)));
        }
        if (value.isNumber()) {
            return NODES.textNode(pick(List.of("abc", "1e309", "۱۲", "NaN")));
        }
        if (value.isBoolean()) {
            return NODES.textNode("maybe");
        }
        if (value.isArray()) {
            return NODES.textNode("not-a-list");
        }
        if (value.isObject()) {
            return NODES.numberNode(42);
        }
        return NODES.arrayNode();
    }

    /** Replaces one field (chosen at random) of the body with {@code f} of its value. */
    private byte[] mutate(ObjectNode body, java.util.function.UnaryOperator<JsonNode> f, byte[] fallback) {
        if (body == null || body.isEmpty()) {
            return fallback == null ? "{\"x\":".getBytes(StandardCharsets.UTF_8) : brokenJson(fallback);
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        String name = pick(names);
        body.set(name, f.apply(body.get(name)));
        return bytes(body);
    }

    private byte[] setNamed(ObjectNode body, String contains, JsonNode value, byte[] fallback) {
        if (body == null) {
            return fallback;
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(n -> {
            if (n.toLowerCase(java.util.Locale.ROOT).contains(contains)) {
                names.add(n);
            }
        });
        if (names.isEmpty()) {
            return mutate(body, this::wrongType, fallback);
        }
        body.set(pick(names), value);
        return bytes(body);
    }

    private byte[] missingRequired(Operation op, ObjectNode body, byte[] fallback) {
        JsonNode required = bodySchema(op).path("required");
        if (body == null || !required.isArray() || required.isEmpty()) {
            return mutate(body, this::wrongType, fallback);
        }
        body.remove(required.get(random.nextInt(required.size())).asText());
        return bytes(body);
    }

    private byte[] brokenJson(byte[] valid) {
        String s = valid == null || valid.length < 2 ? "{\"a\":1}" : new String(valid, StandardCharsets.UTF_8);
        String broken = switch (random.nextInt(5)) {
            case 0 -> s.substring(0, s.length() / 2);
            case 1 -> s.replaceFirst("\"", "");
            case 2 -> s + "}}}";
            case 3 -> "{'single': 'quotes'}";
            default -> s.replace(":", "=");
        };
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode schemaOf(JsonNode parameter) {
        return resolve(parameter.path("schema"));
    }

    private JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 10) {
            String ref = node.get("$ref").asText();
            JsonNode target = document;
            for (String part : ref.replaceFirst("^#/", "").split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node == null ? NODES.objectNode() : node;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
