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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Need to know, tried from outside: every operation of an OpenAPI document (a service's {@code /q/openapi} or
 * the gateway's aggregated {@code /openapi}) that takes a woman's id, called with a caller's token for a woman
 * the caller may not see and for an id nobody has. Both must answer the same 404 problem, with bodies that
 * differ only in the id, the {@code instance} and the request id: otherwise the answer tells whether she is
 * registered.
 *
 * <p>A woman's id is a path parameter that follows {@code /beneficiaries/} or {@code /mothers/}, or whose name
 * names her ({@code beneficiaryId}, {@code motherId}). A record that is hers but has an id of its own is named
 * the same way: her campaign record, a parameter that follows {@code /mentees/} ({@link Holder#MENTEE}); the
 * test then passes that record's id. The list comes from the document, so a new sub-resource is covered
 * without touching the tests, and {@link #uncovered} checks it against the security matrix: every operation
 * whose cell for a role is {@code own} and that names a record in its path must be in the list. Each call is
 * made to pass the framework's own checks (a well-typed body sketched from the request schema, an
 * {@code If-Match}, an {@code Idempotency-Key}), so that it reaches the service's object-level rule.
 */
public final class NeedToKnowProbe {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern WOMAN_PARAM = Pattern.compile("(?i).*(beneficiary|mother|woman).*");
    private static final Pattern MENTEE_PARAM = Pattern.compile("(?i).*mentee.*");
    private static final Pattern DATE_NAME = Pattern.compile(".*(Date|On|date)");
    private static final Set<String> VOLATILE = Set.of("instance", "requestId", "traceId", "timestamp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final URI base;
    private final String documentPath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1).build();
    private JsonNode document;

    /** {@code base} ends with a slash; {@code documentPath} is relative to it ({@code q/openapi?format=json}). */
    public NeedToKnowProbe(URI base, String documentPath) {
        this.base = base;
        this.documentPath = documentPath;
    }

    /** Whose id the path names: the woman's own record, or her campaign record (a mentee id). */
    public enum Holder {
        WOMAN,
        MENTEE
    }

    /**
     * One operation on a woman: its method and path template, the path parameters that name her (or her record
     * of kind {@code holder}), the others with their schemas, and the request body's media type and schema (null
     * when it takes none).
     */
    public record Operation(String method, String path, Holder holder, Set<String> womanParams,
            Map<String, JsonNode> otherParams, Map<String, JsonNode> requiredQuery, String bodyType,
            JsonNode bodySchema) {

        public String id() {
            return method + " " + path;
        }
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** Every operation of the document that takes a woman's id, in the document's order. */
    public List<Operation> operationsOnAWoman() throws IOException, InterruptedException {
        JsonNode doc = document();
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                List<JsonNode> params = new ArrayList<>();
                path.getValue().path("parameters").forEach(params::add);
                m.getValue().path("parameters").forEach(params::add);
                Set<String> women = new LinkedHashSet<>();
                Holder holder = null;
                Map<String, JsonNode> others = new LinkedHashMap<>();
                Map<String, JsonNode> query = new LinkedHashMap<>();
                for (JsonNode p : params) {
                    String name = p.path("name").asText();
                    if ("path".equals(p.path("in").asText())) {
                        Holder named = holderNamed(path.getKey(), name);
                        if (named != null && (holder == null || holder == named)) {
                            women.add(name);
                            holder = named;
                        } else {
                            others.put(name, resolve(p.path("schema")));
                        }
                    } else if ("query".equals(p.path("in").asText()) && p.path("required").asBoolean(false)) {
                        query.put(name, resolve(p.path("schema")));
                    }
                }
                if (women.isEmpty()) {
                    continue;
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> contents = m.getValue().path("requestBody").path("content")
                    .fields();
                if (contents.hasNext()) {
                    Map.Entry<String, JsonNode> c = contents.next();
                    bodyType = c.getKey();
                    bodySchema = c.getValue().path("schema");
                }
                out.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), path.getKey(), holder, women, others,
                    query, bodyType, bodySchema));
            }
        }
        return out;
    }

    /** Whose id the path parameter {@code name} of {@code template} is, or null for none of hers. */
    static Holder holderNamed(String template, String name) {
        String placeholder = "{" + name + "}";
        if (template.contains("/beneficiaries/" + placeholder) || template.contains("/mothers/" + placeholder)
                || WOMAN_PARAM.matcher(name).matches()) {
            return Holder.WOMAN;
        }
        if (template.contains("/mentees/" + placeholder) || MENTEE_PARAM.matcher(name).matches()) {
            return Holder.MENTEE;
        }
        return null;
    }

    /**
     * The operations of {@code rows} (the security matrix's) that {@code role} may call only on her own records
     * ({@code own}) and that name a record in their path, but are not in {@code ops}: each is an object-level
     * operation the generated need-to-know run would not try. Empty when the run covers every one.
     */
    public static List<String> uncovered(List<Operation> ops, java.util.Collection<SecurityMatrix.Row> rows,
            String role) {
        Set<String> tried = new java.util.HashSet<>();
        ops.forEach(op -> tried.add(op.id()));
        // an agency's client id names no record of hers: an operation whose path has only that names the woman in
        // its body (as POST /consents does), and its own tests show another's is refused
        return rows.stream().filter(r -> "own".equals(r.cells().get(role))
                && r.path().replace("{clientId}", "").contains("{"))
            .map(r -> r.method() + " " + r.path()).filter(id -> !tried.contains(id)).sorted().toList();
    }

    /** Calls {@code op} as the bearer of {@code token} on the woman {@code womanId}; the same call every time. */
    public Answer call(Operation op, String token, String womanId) throws IOException, InterruptedException {
        String path = op.path();
        for (String w : op.womanParams()) {
            path = path.replace("{" + w + "}", womanId);
        }
        for (Map.Entry<String, JsonNode> p : op.otherParams().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", pathValue(p.getKey(), p.getValue()));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, JsonNode> q : op.requiredQuery().entrySet()) {
            query.append(query.length() == 0 ? "?" : "&").append(q.getKey()).append('=')
                .append(java.net.URLEncoder.encode(sample(q.getValue(), 0).asText(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1) + query))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json")
            .header("Accept-Language", "en")
            .header("If-Match", "\"0\"")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Authorization", "Bearer " + token);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (op.bodyType() != null) {
            request.header("Content-Type", op.bodyType());
            String text = op.bodyType().contains("json") ? JSON.writeValueAsString(sample(op.bodySchema(), 0)) : "";
            body = HttpRequest.BodyPublishers.ofString(text);
        }
        request.method(op.method(), body);
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(null),
            answer.body());
    }

    /**
     * The body with what must differ between two calls taken out: the {@code instance}, the request id, and
     * {@code womanId} wherever it appears. Two refusals that reveal nothing have the same normalised body.
     */
    public static String normalised(String body, String womanId) {
        try {
            JsonNode node = JSON.readTree(body.replace(womanId, "{woman}"));
            if (node instanceof ObjectNode o) {
                VOLATILE.forEach(o::remove);
            }
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            return body.replace(womanId, "{woman}");
        }
    }

    /**
     * Compares the answers for a woman the caller may not see and for {@code unknownId}, who does not exist;
     * returns what is wrong (empty when both are the same 404 problem). A function-level refusal (401/403)
     * that is the same for both is accepted: it does not look at the woman at all.
     */
    public static List<String> differences(Operation op, String hiddenId, Answer hidden, String unknownId,
            Answer unknown) {
        List<String> wrong = new ArrayList<>();
        boolean functionLevel = (hidden.status() == 401 || hidden.status() == 403)
            && hidden.status() == unknown.status();
        if (!functionLevel && hidden.status() != 404) {
            wrong.add(op.id() + ": a woman the caller may not see answered " + hidden.status() + " "
                + cut(hidden.body()));
        }
        if (!functionLevel && unknown.status() != 404) {
            wrong.add(op.id() + ": an id nobody has answered " + unknown.status() + " " + cut(unknown.body()));
        }
        if (!hidden.isProblem() || !unknown.isProblem()) {
            wrong.add(op.id() + ": not a problem+json (" + hidden.contentType() + ", " + unknown.contentType() + ")");
        }
        String a = normalised(hidden.body(), hiddenId);
        String b = normalised(unknown.body(), unknownId);
        if (!a.equals(b)) {
            wrong.add(op.id() + ": the refusal tells her from nobody: " + a + " vs " + b);
        }
        return wrong;
    }

    private static String cut(String s) {
        return s == null ? "" : s.substring(0, Math.min(300, s.length()));
    }

    private JsonNode document() throws IOException, InterruptedException {
        if (document == null) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(documentPath))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /" + documentPath + " answered " + answer.statusCode());
            }
            document = JSON.readTree(answer.body());
            if (document.path("x-unavailable-services").size() > 0) {
                throw new IllegalStateException("the document lacks services: "
                    + document.path("x-unavailable-services"));
            }
        }
        return document;
    }

    private String pathValue(String name, JsonNode schema) {
        JsonNode s = resolve(schema);
        if ("uuid".equals(s.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        if (s.path("type").asText().equals("integer")) {
            return "1";
        }
        if (name.equalsIgnoreCase("month")) {
            return "1403-07";
        }
        return s.has("example") ? s.path("example").asText() : UUID.randomUUID().toString();
    }

    /** A value of the schema that the framework's type and bean checks accept: required fields only. */
    JsonNode sample(JsonNode raw, int depth) {
        JsonNode s = resolve(raw);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (s.has("example")) {
            return s.path("example");
        }
        if (s.path("examples").isArray() && s.path("examples").size() > 0) {
            return s.path("examples").get(0);
        }
        if (s.has("enum") && s.path("enum").size() > 0) {
            return s.path("enum").get(0);
        }
        for (String combo : List.of("allOf", "oneOf", "anyOf")) {
            if (s.path(combo).size() > 0) {
                return sample(s.path(combo).get(0), depth + 1);
            }
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("");
        if (type.isEmpty() && s.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                Set<String> required = new LinkedHashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    if (!required.contains(p.getKey())) {
                        continue;
                    }
                    JsonNode value = sample(p.getValue(), depth + 1);
                    if (value.isTextual() && DATE_NAME.matcher(p.getKey()).matches()
                            && !resolve(p.getValue()).has("format")) {
                        // a date sent as text ("ISO or Jalali"): the schema says string, the reader wants a date
                        value = NODES.textNode("2020-01-01");
                    }
                    o.set(p.getKey(), value);
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                int n = Math.max(1, s.path("minItems").asInt(1));
                for (int i = 0; i < n; i++) {
                    a.add(sample(s.path("items"), depth + 1));
                }
                return a;
            }
            case "integer", "number" -> {
                long min = s.has("minimum") ? s.path("minimum").asLong() : 1;
                return NODES.numberNode(Math.max(min, s.has("maximum") ? Math.min(1, s.path("maximum").asLong()) : 1));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(text(s));
            }
        }
    }

    private static String text(JsonNode s) {
        switch (s.path("format").asText()) {
            case "uuid" -> {
                return UUID.randomUUID().toString();
            }
            case "date" -> {
                return "2024-01-01";
            }
            case "date-time" -> {
                return "2024-01-01T00:00:00Z";
            }
            default -> {
                StringBuilder t = new StringBuilder("متن آزمایشی برای یک بررسی");
                int min = s.path("minLength").asInt(0);
                while (t.length() < min) {
                    t.append(" متن");
                }
                int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
                return t.length() > max ? t.substring(0, Math.max(1, max)) : t.toString();
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 5 && s.path("$ref").asText("").startsWith("#/"); i++) {
            JsonNode target = document.at(s.path("$ref").asText().substring(1));
            if (target.isMissingNode()) {
                return s;
            }
            s = target;
        }
        return s;
    }
}
