package ir.tehran.womenfamily.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The roles × operations matrix test, generated from a service's own OpenAPI document. The expected
 * outcomes are the rows of {@code docs/security-matrix.md} (one markdown table, the single
 * machine-readable source that {@code docs/security.md} points to), so a reader and the test read the same
 * cells.
 *
 * <p>For every operation the service's {@code /q/openapi} lists, and every role, {@link #verify()} calls
 * the operation with a token of that role (made by {@link TestTokens}) or none, with dummy path values and
 * an empty body, and compares what the service answered at the function level:
 * <ul>
 * <li>{@code ✓} (or {@code own}): the role gets through; any answer but 401 or 403 (a 404 for the dummy
 * id, a 400 for the empty body). {@code own} says object-level rules then limit her to her own records,
 * which each resource's tests check.</li>
 * <li>{@code ✗}: refused, 403 with a token, 401 without one.</li>
 * <li>a scope name (partner-app and agency columns): allowed with exactly that scope, refused with none.</li>
 * </ul>
 * Any 5xx fails the cell too: bad input is never a 500. The test fails when the OpenAPI has an operation
 * the matrix does not cover, when the matrix has a row for an operation that no longer exists, and at
 * every cell whose answer differs.
 *
 * <p>{@link #throughGateway} runs the same matrix end to end: the operations of the gateway's aggregated
 * document ({@code /openapi}, every service's and the gateway's own), every row of every service, each call
 * through the gateway with tokens signed by the running stack's key. There an operation of the aggregate
 * without a row fails, and so does a row whose operation the aggregate lacks (a service left out of it).
 *
 * <p>With {@code -Dsecurity-matrix.record=true} it writes the observed rows to
 * {@code target/security-matrix-<service>.md} instead of failing, for a reviewer to compare and copy.
 */
public final class SecurityMatrix {

    /** The columns of the matrix, in order. */
    public static final List<String> ROLES = List.of("admin", "caseworker", "bazaar-coordinator",
        "sponsorship-officer", "producer", "sponsor", "woman", "partner-app", "agency", "anonymous");

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The services whose operations live under {@code /api/<name>/}; every other path is the gateway's. */
    private static final List<String> SERVICES = List.of("registry", "bazaar", "sponsorship", "notification");

    /** The service of the rows checked, or {@code null} for every row (the aggregated document). */
    private final String service;
    private final URI base;
    private final Path matrixFile;
    private final String documentPath;
    private final JwtKeys keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param service    the first column of this service's rows ({@code registry}, {@code bazaar}, …)
     * @param base       the service's root URL, as the test sees it
     * @param matrixFile the matrix, usually {@link #defaultFile()}
     */
    public SecurityMatrix(String service, URI base, Path matrixFile) {
        this(service, base, matrixFile, "q/openapi?format=json", null);
    }

    private SecurityMatrix(String service, URI base, Path matrixFile, String documentPath, JwtKeys keys) {
        this.service = service;
        this.base = base;
        this.matrixFile = matrixFile;
        this.documentPath = documentPath;
        this.keys = keys;
    }

    /**
     * The whole matrix through the gateway: the operations of its aggregated {@code /openapi}, every row of
     * the file, tokens signed with {@code keys} (the stack's, which the gateway and the services trust).
     *
     * @param gateway the gateway's root URL, ending in {@code /}
     */
    public static SecurityMatrix throughGateway(URI gateway, Path matrixFile, JwtKeys keys) {
        return new SecurityMatrix(null, gateway, matrixFile, "openapi?format=json", keys);
    }

    /** The first column of an operation's row: the service under {@code /api/<name>/}, else the gateway. */
    static String serviceOf(String path) {
        for (String name : SERVICES) {
            if (path.startsWith("/api/" + name + "/") || path.equals("/api/" + name)) {
                return name;
            }
        }
        return "gateway";
    }

    private String label() {
        return service == null ? "all" : service;
    }

    private String serviceOfRow(String path) {
        return service == null ? serviceOf(path) : service;
    }

    /** {@code docs/security-matrix.md} of the repository, found from the module's working directory. */
    public static Path defaultFile() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/security-matrix.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/security-matrix.md not found above " + Path.of("").toAbsolutePath());
    }

    /** One row: an operation, the expected cell of each role, and an optional query that keeps it harmless. */
    public record Row(String service, String method, String path, Map<String, String> cells, String probe) {

        String key() {
            return method + " " + path;
        }
    }

    /** An operation of the OpenAPI document: its method, path template, path parameter types, body type. */
    record Operation(String method, String path, Map<String, String> pathTypes, String bodyType) {

        String key() {
            return method + " " + path;
        }
    }

    /** Runs the whole matrix; throws an {@link AssertionError} listing every difference. */
    public void verify() throws IOException, InterruptedException {
        boolean record = Boolean.getBoolean("security-matrix.record");
        Matrix matrix = readMatrix();
        Map<String, Operation> operations = operations();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Operation> op : operations.entrySet()) {
            Row row = matrix.rows().get(op.getKey());
            if (row == null) {
                problems.add("not in the matrix: " + serviceOfRow(op.getValue().path()) + " " + op.getKey());
            } else if (service == null && !row.service().equals(serviceOf(row.path()))) {
                problems.add("a row of " + row.service() + " for a path of " + serviceOf(row.path()) + ": "
                    + op.getKey());
            }
        }
        for (Row row : matrix.rows().values()) {
            if (!operations.containsKey(row.key())) {
                problems.add("in the matrix but not in the OpenAPI document: " + row.service() + " " + row.key());
            }
        }
        StringBuilder observed = new StringBuilder();
        int cells = 0;
        for (Operation op : operations.values()) {
            Row row = matrix.rows().get(op.key());
            String probe = row == null ? "" : row.probe();
            StringBuilder line = new StringBuilder("| " + serviceOfRow(op.path()) + " | " + op.method() + " | "
                + op.path() + " |");
            for (String role : ROLES) {
                String expected = row == null ? null : row.cells().get(role);
                String seen = record || expected == null
                    ? observe(op, role, probe, matrix.scopes())
                    : check(op, role, expected, probe, matrix.scopes(), problems);
                cells++;
                line.append(' ').append(seen).append(" |");
            }
            observed.append(line).append(' ').append(probe).append(" |\n");
        }
        if (record) {
            Path out = Path.of("target", "security-matrix-" + label() + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, observed.toString());
            return;
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " of " + cells + " cells (and the coverage) differ from "
                + matrixFile + ":\n  " + String.join("\n  ", problems) + "\nobserved rows:\n" + observed);
        }
    }

    /** Checks one cell; returns what was seen, adding a problem when it differs. */
    private String check(Operation op, String role, String expected, String probe, Set<String> scopes,
            List<String> problems) throws IOException, InterruptedException {
        String where = serviceOfRow(op.path()) + " " + op.key() + " as " + role;
        if (expected.equals("✓") || expected.equals("own")) {
            int status = call(op, role, Set.of(), probe);
            if (status == 401 || status == 403 || status >= 500) {
                problems.add(where + ": expected to pass (" + expected + ") but got " + status);
            }
            return status == 401 || status == 403 ? "✗" : expected;
        }
        if (expected.equals("✗")) {
            int status = call(op, role, scopes, probe);
            int refused = role.equals("anonymous") ? 401 : 403;
            if (status != refused) {
                problems.add(where + ": expected " + refused + " but got " + status);
            }
            return status == refused ? "✗" : "✓";
        }
        // a scope: allowed with it, refused without
        if (!scopes.contains(expected)) {
            problems.add(where + ": unknown cell '" + expected + "' (not ✓, own, ✗ or a listed scope)");
            return "?";
        }
        int with = call(op, role, Set.of(expected), probe);
        int without = call(op, role, Set.of(), probe);
        if (with == 401 || with == 403 || with >= 500) {
            problems.add(where + " with scope " + expected + ": expected to pass but got " + with);
        }
        if (without != 403) {
            problems.add(where + " without scope " + expected + ": expected 403 but got " + without);
        }
        return expected;
    }

    /** What the cell would be, observed: ✓, ✗, or the scope that lets a client through. */
    private String observe(Operation op, String role, String probe, Set<String> scopes)
            throws IOException, InterruptedException {
        int bare = call(op, role, Set.of(), probe);
        if (bare != 401 && bare != 403) {
            return bare >= 500 ? "5xx(" + bare + ")" : "✓";
        }
        if (role.equals("partner-app") || role.equals("agency")) {
            for (String scope : scopes) {
                int status = call(op, role, Set.of(scope), probe);
                if (status != 401 && status != 403) {
                    return scope;
                }
            }
        }
        return "✗";
    }

    /** Calls the operation as {@code role} with {@code scopes} (clients only); returns the status. */
    int call(Operation op, String role, Set<String> scopes, String probe) throws IOException, InterruptedException {
        String path = op.path();
        for (Map.Entry<String, String> p : op.pathTypes().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", dummy(p.getValue()));
        }
        String query = probe == null || probe.isBlank() ? "" : "?" + probe.strip();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1) + query))
            .timeout(Duration.ofSeconds(90))
            .header("Accept", "application/json, application/problem+json, */*")
            .header("Accept-Language", "en");
        String token = token(role, scopes, keys);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (op.bodyType() != null) {
            request.header("Content-Type", op.bodyType());
            body = HttpRequest.BodyPublishers.ofString(op.bodyType().contains("json") ? "{}" : "");
        }
        request.method(op.method().toUpperCase(Locale.ROOT), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String dummy(String type) {
        return switch (type) {
            case "uuid" -> UUID.randomUUID().toString();
            case "integer" -> "1";
            default -> "x" + UUID.randomUUID().toString().substring(0, 8);
        };
    }

    /**
     * A token for the role, limited as the gateway would limit it; {@code null} for anonymous. A fresh one
     * per call: a test token lives five minutes, and a run on a busy machine can take longer.
     */
    private static String token(String role, Set<String> scopes, JwtKeys keys) {
        if (role.equals("anonymous")) {
            return null;
        }
        TestTokens t = TestTokens.token().subject("matrix-" + role).groups(role);
        if (keys != null) {
            t.signedWith(keys);
        }
        switch (role) {
            case "caseworker" -> t.claim("districts", List.of(5));
            case "producer" -> t.claim("businesses", List.of(UUID.randomUUID().toString()));
            case "sponsor" -> t.claim("sponsor_id", UUID.randomUUID().toString());
            case "woman" -> t.claim("beneficiary_id", UUID.randomUUID().toString());
            case "partner-app", "agency" -> {
                t.clientId("matrix-" + role);
                if (!scopes.isEmpty()) {
                    t.claim("scope", String.join(" ", new TreeSet<>(scopes)));
                }
            }
            default -> {
                // staff roles carry no limiting claim
            }
        }
        return t.sign();
    }

    /** Every operation of the service's OpenAPI document, by {@code METHOD path}. */
    Map<String, Operation> operations() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(documentPath))
            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /" + documentPath + " answered " + answer.statusCode());
        }
        JsonNode doc = JSON.readTree(answer.body());
        if (doc.path("x-unavailable-services").size() > 0) {
            throw new IllegalStateException("the aggregated document lacks services: "
                + doc.path("x-unavailable-services"));
        }
        Map<String, Operation> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                Map<String, String> types = new LinkedHashMap<>();
                List<JsonNode> params = new ArrayList<>();
                path.getValue().path("parameters").forEach(params::add);
                m.getValue().path("parameters").forEach(params::add);
                for (JsonNode p : params) {
                    if ("path".equals(p.path("in").asText())) {
                        JsonNode schema = resolve(doc, p.path("schema"));
                        String type = "uuid".equals(schema.path("format").asText()) ? "uuid"
                            : schema.path("type").asText("string");
                        types.put(p.path("name").asText(), type);
                    }
                }
                String bodyType = null;
                Iterator<String> contents = m.getValue().path("requestBody").path("content").fieldNames();
                if (contents.hasNext()) {
                    bodyType = contents.next();
                }
                String method = m.getKey().toUpperCase(Locale.ROOT);
                out.put(method + " " + path.getKey(), new Operation(method, path.getKey(), types, bodyType));
            }
        }
        return out;
    }

    /**
     * A schema with its {@code $ref} followed ({@code #/components/schemas/UUID}): a dummy value must have
     * the right type, or the framework answers 404 for the path before the resource decides anything.
     */
    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = doc.at(ref.substring(1));
            return target.isMissingNode() ? schema : target;
        }
        return schema;
    }

    /** The matrix's scopes and this service's rows (every service's for the aggregated document). */
    record Matrix(Set<String> scopes, Map<String, Row> rows) {
    }

    /** The rows of this matrix's service (every row for the aggregated document), in the file's order. */
    public List<Row> rows() throws IOException {
        return List.copyOf(readMatrix().rows().values());
    }

    Matrix readMatrix() throws IOException {
        Set<String> scopes = new TreeSet<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(matrixFile)) {
            String text = line.strip();
            if (text.startsWith("Scopes:")) {
                for (String s : text.substring("Scopes:".length()).split("[\\s,`]+")) {
                    if (!s.isBlank()) {
                        scopes.add(s.strip());
                    }
                }
            }
            if (!text.startsWith("|")) {
                continue;
            }
            String[] cells = text.substring(1, text.length() - (text.endsWith("|") ? 1 : 0)).split("\\|", -1);
            String rowService = cells.length < 3 + ROLES.size() ? "" : cells[0].strip();
            if (rowService.isEmpty() || service != null && !rowService.equals(service)
                || service == null && !rowService.equals("gateway") && !SERVICES.contains(rowService)) {
                continue;
            }
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int i = 0; i < ROLES.size(); i++) {
                byRole.put(ROLES.get(i), cells[3 + i].strip());
            }
            String probe = cells.length > 3 + ROLES.size() ? cells[3 + ROLES.size()].strip().replace("`", "") : "";
            Row row = new Row(rowService, cells[1].strip(), cells[2].strip().replace("`", ""), byRole, probe);
            if (rows.put(row.key(), row) != null) {
                throw new IllegalStateException("two rows for " + rowService + " " + row.key() + " in " + matrixFile);
            }
        }
        return new Matrix(scopes, rows);
    }
}
