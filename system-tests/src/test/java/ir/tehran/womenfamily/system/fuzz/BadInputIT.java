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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed requests, made from the gateway's aggregated OpenAPI, sent through the gateway of the whole
 * running system with an admin's token: none may answer 5xx or hang, every error must be RFC 9457
 * problem+json, and no rejected request may change a row of the database behind it. Bounded in count
 * ({@code bad-input.requests}, at least that many are sent) and in time ({@link #DEADLINE}). Every build
 * sends 2,000 ({@code ./mvnw verify}); the full run of 10,000 is
 * {@code ./mvnw verify -pl system-tests -am -Dbad-input.requests=10000} (see the module's README).
 */
@ExtendWith(SharedStack.class)
class BadInputIT {

    static final int AT_LEAST = Integer.getInteger("bad-input.requests", 2_000);
    static final Duration DEADLINE = Duration.ofMinutes(12);
    static final long SEED = 1403;
    private static LocalStack stack;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
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
        // spread over the operations that take anything to get wrong (a GET of /me has no path id, query or body)
        long malformable = ops.stream().filter(generator::malformable).count();
        int perOperation = (int) Math.max(3, AT_LEAST / malformable + 1);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        // each operation's requests carry request ids of their own: the rows they could have written are
        // counted by them, not among what the system's jobs and consumers write meanwhile (RowCounts)
        String run = "bad-input-" + Long.toString(System.currentTimeMillis(), 36);
        int opIndex = 0;
        RowCounts rows = new RowCounts(stack);
        List<Finding> broken = Collections.synchronizedList(new ArrayList<>());
        List<String> partialWrites = new ArrayList<>();
        // operations during whose requests a scheduled job audited a run: a count of every SUCCESS entry, as
        // this run took before, would have blamed the requests for it
        List<String> jobsDuring = new ArrayList<>();
        List<String> closedOnce = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Integer> accepted = Collections.synchronizedMap(new TreeMap<>());
        int sent = 0;
        int hugeBodies = 0;
        String token = null;
        Instant tokenAt = Instant.MIN;
        try {
            for (MalformedRequests.Operation op : ops) {
                assertTrue(Instant.now().isBefore(deadline), "the run took longer than " + DEADLINE + " after "
                    + sent + " requests");
                if (Duration.between(tokenAt, Instant.now()).toMinutes() >= 5) {
                    token = adminToken();
                    tokenAt = Instant.now();
                }
                String db = database(op);
                String prefix = run + "-" + (++opIndex) + "-";
                List<MalformedRequests.Request> requests = new ArrayList<>(generator.requests(op, perOperation));
                if (op.requestBody() != null && hugeBodies < 12 && !op.method().equals("get")) {
                    requests.add(generator.hugeBody(op));
                    hugeBodies++;
                }
                // nothing written before (by an earlier operation's accepted write) is still on its way
                rows.awaitIdle(Duration.ofMinutes(2));
                Map<String, Long> before = rows.of(db, prefix);
                long seqBefore = rows.lastAuditSeq(db);
                String bearer = token;
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < requests.size(); i++) {
                    MalformedRequests.Request r = requests.get(i);
                    String requestId = prefix + i;
                    answers.add(pool.submit(() -> send(http, bearer, requestId, r, broken, closedOnce)));
                }
                boolean anyAccepted = false;
                for (int i = 0; i < answers.size(); i++) {
                    int status = answers.get(i).get(2, TimeUnit.MINUTES);
                    statuses.merge(String.valueOf(status), 1, Integer::sum);
                    if (status >= 200 && status < 400 && !op.method().equals("get")) {
                        anyAccepted = true;
                        accepted.merge(op.id() + " [" + requests.get(i).kind() + "] " + status + " "
                            + abbreviate(requests.get(i).path(), 80), 1, Integer::sum);
                    }
                }
                sent += requests.size();
                Map<String, Long> after = rows.of(db, prefix);
                long jobEntries = rows.jobEntriesAfter(db, seqBefore);
                if (jobEntries > 0) {
                    jobsDuring.add(op.id() + " (" + jobEntries + ")");
                }
                if (!anyAccepted && !before.equals(after)) {
                    partialWrites.add(op.id() + ": " + RowCounts.difference(before, after));
                }
            }
        } finally {
            pool.shutdownNow();
            rows.close();
        }
        System.out.printf("bad input: %d requests over %d operations; statuses %s%n", sent, ops.size(), statuses);
        java.nio.file.Files.write(Path.of("target/bad-input-findings.txt"),
            broken.stream().map(Finding::toString).toList());
        System.out.printf("malformed writes the services accepted (2xx/3xx), by operation and kind: %s%n", accepted);
        System.out.printf("operations during which a scheduled job audited a run (not counted as theirs): %d %s%n",
            jobsDuring.size(), jobsDuring);
        System.out.printf("connections closed without an answer, answered when sent again: %d %s%n",
            closedOnce.size(), closedOnce);
        assertTrue(sent >= AT_LEAST, "sent " + sent);
        assertEquals(List.of(), broken.stream().limit(40).map(Finding::toString).toList(),
            broken.size() + " answers were a 5xx, a hang or an error that is not problem+json");
        assertEquals(List.of(), partialWrites, "rejected requests changed rows");
    }

    private static int send(HttpClient http, String token, String requestId, MalformedRequests.Request r,
            List<Finding> broken, List<String> closedOnce) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + r.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("X-Request-Id", requestId)
            .header("Accept-Language", r.kind().hashCode() % 2 == 0 ? "en" : "fa");
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(r.body());
        b.method(r.method().toUpperCase(), body);
        java.io.IOException lost = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (status >= 500 || (status >= 400 && !wellFormedError(r, type))) {
                    broken.add(new Finding(r, status, type, new String(response.body(), StandardCharsets.UTF_8)));
                }
                if (lost != null) {
                    closedOnce.add(r.kind() + " " + r.method().toUpperCase() + " " + abbreviate(r.path(), 80)
                        + " -> " + lost.getMessage() + ", then " + status);
                }
                return status;
            } catch (java.io.IOException e) {
                if (r.kind().equals("huge-body")) {
                    // the gateway closes the connection on an oversized upload once it has answered 413
                    return 413;
                }
                // a connection closed under a request (a pooled one the server had just closed, or a reset of
                // one still carrying a refused body) is tried once more on a new one; twice is a finding
                lost = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                broken.add(new Finding(r, -1, "", "interrupted"));
                return -1;
            }
        }
        broken.add(new Finding(r, -1, "", "closed twice without an answer: " + lost));
        return -1;
    }

    /**
     * An error answer as it must be: problem+json, but for the token and revocation endpoints, whose errors
     * are RFC 6749 section 5.2 JSON ({@code {"error": "invalid_request", ...}}) for OAuth clients, and the DCI
     * social registry's, whose problem body is sent as {@code application/json}, the media type of the standard's
     * {@code HttpErrorResponse} (DCI clients read no problem+json; docs/INTEROP.md, {@code DciErrorMediaType}), and
     * the sign-in page, {@code /oauth2/authorize}, which a browser shows: its refusals are the page itself, in HTML,
     * naming what was wrong (never a redirect to a URI not registered; docs/security.md).
     */
    private static boolean wellFormedError(MalformedRequests.Request r, String type) {
        if (type.startsWith("application/problem+json")) {
            return true;
        }
        if (r.path().equals("/oauth2/authorize") || r.path().startsWith("/oauth2/authorize?")) {
            return type.startsWith("text/html");
        }
        return (r.path().startsWith("/oauth2/") || r.path().startsWith("/api/registry/dci/registry/"))
            && type.startsWith("application/json");
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

    private static String abbreviate(String s, int max) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
