package ir.tehran.womenfamily.system.fuzz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.system.SharedStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every write of the aggregated OpenAPI that names something by id in its path (disable a user, revoke a
 * client or a consent, withdraw an application, release a pledge, close a business, move a referral, ...),
 * sent well formed but for ids that do not exist, by every demo role: never a 2xx, never a 5xx, always a
 * problem+json; a role allowed to act gets 404 (or the 4xx of a check that comes first), and no row of any
 * database changes (counted as {@link RowCounts} says: by the requests' own ids where rows carry them).
 */
@ExtendWith(SharedStack.class)
class UnknownIdsIT {

    static final List<String> ROLES = List.of("admin", "caseworker", "coordinator", "officer", "producer", "sponsor");

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
    }

    @Test
    void actionsOnIdsThatDoNotExistAnswer404AndWriteNothing() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().baseUri(stack.gatewayUrl()).get("/openapi").then()
            .statusCode(200).extract().asByteArray());
        MalformedRequests generator = new MalformedRequests(document, 7);
        List<MalformedRequests.Operation> writes = generator.operations().stream()
            .filter(op -> !op.method().equals("get") && op.template().contains("{"))
            .toList();
        assertTrue(writes.size() > 30, "writes on an id in the document: " + writes.size());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            tokens.put(role, token(role));
        }
        // the requests carry request ids of their own, and the rows they could have written are counted by
        // them, not among what the system's jobs and consumers write meanwhile (RowCounts)
        String run = "unknown-ids-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        int sent = 0;
        Map<String, Map<String, Long>> before = new TreeMap<>();
        try (RowCounts rows = new RowCounts(stack)) {
            rows.awaitIdle(Duration.ofMinutes(2));
            for (String db : List.of("gateway", "registry", "bazaar", "sponsorship")) {
                before.put(db, rows.of(db, run));
            }
        }

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
        List<String> wrong = new ArrayList<>();
        List<String> neverFound = new ArrayList<>();
        int notFound = 0;
        for (MalformedRequests.Operation op : writes) {
            MalformedRequests.Request r = generator.unknownIds(op);
            Map<String, Integer> byRole = new LinkedHashMap<>();
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + r.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + role.getValue())
                    .header("Accept-Language", "en")
                    .header("X-Request-Id", run + (sent++))
                    .method(r.method().toUpperCase(), r.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(r.body()));
                if (r.contentType() != null) {
                    b.header("Content-Type", r.contentType());
                }
                HttpResponse<String> answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                String type = answer.headers().firstValue("Content-Type").orElse("");
                byRole.put(role.getKey(), answer.statusCode());
                if (answer.statusCode() < 400 || answer.statusCode() >= 500
                        || !type.startsWith("application/problem+json")) {
                    wrong.add(op.id() + " as " + role.getKey() + " -> " + answer.statusCode() + " " + type + " "
                        + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
            }
            if (byRole.containsValue(404)) {
                notFound++;
            } else {
                neverFound.add(op.id() + " " + byRole);
            }
        }
        System.out.printf("unknown ids: %d writes, %d answered 404 to a role allowed to act; the others "
            + "(a check that comes first, or no demo role may act): %s%n", writes.size(), notFound, neverFound);
        assertEquals(List.of(), wrong, "actions on ids that do not exist");
        assertTrue(notFound > writes.size() / 2, "most writes reach their 404: " + notFound + " of " + writes.size());
        try (RowCounts rows = new RowCounts(stack)) {
            for (Map.Entry<String, Map<String, Long>> db : before.entrySet()) {
                Map<String, Long> after = rows.of(db.getKey(), run);
                assertEquals(db.getValue(), after, "rows of " + db.getKey() + " changed: "
                    + RowCounts.difference(db.getValue(), after));
            }
        }
    }

    private static String token(String user) {
        return given().baseUri(stack.gatewayUrl())
            .formParam("grant_type", "password")
            .formParam("username", user)
            .formParam("password", stack.demoCredentials().password())
            .when().post("/oauth2/token")
            .then().statusCode(200)
            .extract().path("access_token");
    }
}
