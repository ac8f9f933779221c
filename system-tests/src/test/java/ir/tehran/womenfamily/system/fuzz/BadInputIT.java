package ir.tehran.womenfamily.system.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * At least 10,000 malformed requests, made from the gateway's aggregated OpenAPI, sent through the gateway
 * of the whole running system with an admin's token: none may answer 5xx or hang, every error must be
 * RFC 9457 problem+json, and no rejected request may change a row of the database behind it. Bounded
 * in count (the generator's total) and in time ({@link #DEADLINE}). Run on demand:
 * {@code ./mvnw verify -pl system-tests -am -Dbad-input=true} (see the module's README for what it last found).
 */
@EnabledIfSystemProperty(named = "bad-input", matches = "true")
class BadInputIT {

    static final int AT_LEAST = 10_000;
    static final Duration DEADLINE = Duration.ofMinutes(12);
    static final long SEED = 1403;
    /** Tables whose rows change without a request of ours: consumers' bookkeeping and migrations. */
    static final List<String> NOT_COUNTED = List.of("processed_event", "flyway_schema_history");

    private static LocalStack stack;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        LocalStack.Options base = LocalStack.Options.forTests(root, Path.of("target/bad-input-stack").toAbsolutePath());
        Map<String, String> config = new HashMap<>();
        // the gateway's limits on abuse would answer most of this run with 429; they are tested on their own
        for (String limit : List.of("token.per-address", "admin.per-address", "admin.per-client", "api.per-address",
                "api.per-client", "other.per-address")) {
            config.put("gateway.rate-limit.groups." + limit + ".capacity", "1000000");
        }
        stack = new LocalStack(new LocalStack.Options(base.projectRoot(), base.dataDir(), base.fresh(), base.durable(),
            base.gatewayPort(), base.servicePorts(), config)).start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** What one answer broke, if anything. */
    record Finding(MalformedRequests.Request request, int status, String contentType, String body) {

        @Override
        public String toString() {
            return request.kind() + " " + request.method().toUpperCase() + " " + abbreviate(request.path(), 120)
                + " -> " + status + " " + contentType + " " + abbreviate(body, 300);
        }
    }

    @Test
    void malformedRequestsGetProblemsNeverA5xxAndWriteNothing() throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        JsonNode document = JSON.readTree(given().baseUri(stack.gatewayUrl()).get("/openapi").then().statusCode(200)
            .extract().asByteArray());
        MalformedRequests generator = new MalformedRequests(document, SEED);
        List<MalformedRequests.Operation> ops = new ArrayList<>(generator.operations());
        assertTrue(ops.size() > 50, "the aggregated document lists the services' operations: " + ops.size());
        // gateway first, the registry last: its accepted writes send events that change the others' tables
        List<String> order = List.of("gateway", "bazaar", "sponsorship", "registry");
        ops.sort(Comparator.comparing((MalformedRequests.Operation o) -> order.indexOf(database(o)))
            .thenComparing(MalformedRequests.Operation::id));
        int perOperation = Math.max(30, AT_LEAST / ops.size() + 1);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Finding> broken = Collections.synchronizedList(new ArrayList<>());
        List<String> partialWrites = new ArrayList<>();
        Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Integer> accepted = Collections.synchronizedMap(new TreeMap<>());
        int sent = 0;
        int hugeBodies = 0;
        String token = null;
        Instant tokenAt = Instant.MIN;
        String currentDatabase = null;
        try {
            for (MalformedRequests.Operation op : ops) {
                assertTrue(Instant.now().isBefore(deadline), "the run took longer than " + DEADLINE + " after "
                    + sent + " requests");
                if (Duration.between(tokenAt, Instant.now()).toMinutes() >= 5) {
                    token = adminToken();
                    tokenAt = Instant.now();
                }
                String db = database(op);
                if (!db.equals(currentDatabase)) {
                    awaitQuiet(db);
                    currentDatabase = db;
                }
                List<MalformedRequests.Request> requests = new ArrayList<>(generator.requests(op, perOperation));
                if (op.requestBody() != null && hugeBodies < 12 && !op.method().equals("get")) {
                    requests.add(generator.hugeBody(op));
                    hugeBodies++;
                }
                Map<String, Long> before = rowCounts(db);
                String bearer = token;
                List<Future<Integer>> answers = new ArrayList<>();
                for (MalformedRequests.Request r : requests) {
                    answers.add(pool.submit(() -> send(http, bearer, r, broken)));
                }
                boolean anyAccepted = false;
                for (int i = 0; i < answers.size(); i++) {
                    int status = answers.get(i).get(2, TimeUnit.MINUTES);
                    statuses.merge(String.valueOf(status), 1, Integer::sum);
                    if (status < 400 && !op.method().equals("get")) {
                        anyAccepted = true;
                        accepted.merge(op.id() + " [" + requests.get(i).kind() + "] " + status + " "
                            + abbreviate(requests.get(i).path(), 80), 1, Integer::sum);
                    }
                }
                sent += requests.size();
                Map<String, Long> after = rowCounts(db);
                if (!anyAccepted && !before.equals(after)) {
                    partialWrites.add(op.id() + ": " + difference(before, after));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("bad input: %d requests over %d operations; statuses %s%n", sent, ops.size(), statuses);
        java.nio.file.Files.write(Path.of("target/bad-input-findings.txt"),
            broken.stream().map(Finding::toString).toList());
        System.out.printf("malformed writes the services accepted (2xx/3xx), by operation and kind: %s%n", accepted);
        assertTrue(sent >= AT_LEAST, "sent " + sent);
        assertEquals(List.of(), broken.stream().limit(40).map(Finding::toString).toList(),
            broken.size() + " answers were a 5xx, a hang or an error that is not problem+json");
        assertEquals(List.of(), partialWrites, "rejected requests changed rows");
    }

    private static int send(HttpClient http, String token, MalformedRequests.Request r, List<Finding> broken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + r.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept-Language", r.kind().hashCode() % 2 == 0 ? "en" : "fa");
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body());
        b.method(r.method().toUpperCase(), body);
        try {
            HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"))) {
                broken.add(new Finding(r, status, type, new String(response.body(), StandardCharsets.UTF_8)));
            }
            return status;
        } catch (java.io.IOException e) {
            if (r.kind().equals("huge-body")) {
                // the gateway may close the connection on an oversized upload once it has answered 413
                return 413;
            }
            broken.add(new Finding(r, -1, "", e.toString()));
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken.add(new Finding(r, -1, "", "interrupted"));
            return -1;
        }
    }

    private static String adminToken() {
        return given().baseUri(stack.gatewayUrl())
            .formParam("grant_type", "password")
            .formParam("username", "admin")
            .formParam("password", stack.demoCredentials().password())
            .when().post("/oauth2/token")
            .then().statusCode(200)
            .extract().path("access_token");
    }

    private static String database(MalformedRequests.Operation op) {
        for (String service : LocalStack.SERVICES) {
            if (op.template().startsWith("/api/" + service + "/") || op.template().equals("/api/" + service)) {
                return service;
            }
        }
        return "gateway";
    }

    /** Waits (at most a minute) until the database's row counts stop moving, so what follows is ours. */
    private static void awaitQuiet(String db) throws Exception {
        Map<String, Long> last = rowCounts(db);
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            Thread.sleep(2000);
            Map<String, Long> now = rowCounts(db);
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    /** Rows per table of one service's database, but for {@link #NOT_COUNTED}. */
    private static Map<String, Long> rowCounts(String db) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(db), PostgresServer.USER,
                PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (NOT_COUNTED.contains(table) || table.startsWith("rate_limit")) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + n);
            }
        });
        return String.join(", ", changed);
    }

    private static String abbreviate(String s, int max) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
