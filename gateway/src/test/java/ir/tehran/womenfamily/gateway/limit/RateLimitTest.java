package ir.tehran.womenfamily.gateway.limit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The token buckets, on two probe paths that the test profile limits tightly: three requests an hour
 * per address on one, two an hour per client on the other. An hour-long period keeps the counts exact.
 */
@QuarkusTest
class RateLimitTest {

    private static final String BY_ADDRESS = "/api/registry/limited-by-address";
    private static final String BY_CLIENT = "/api/registry/limited-by-client";

    @Inject
    RateLimiter limiter;

    @Test
    void anEmptyAddressBucketAnswers429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().when().get(BY_ADDRESS).then().statusCode(200);
        }
        given().header("Accept-Language", "en")
            .when().get(BY_ADDRESS)
            .then()
            .statusCode(429)
            .contentType("application/problem+json")
            .header("Retry-After", matchesPattern("[1-9][0-9]*"))
            .header("Cache-Control", "no-store")
            .body("type", equalTo("https://women-family.tehran.ir/problems/too-many-requests"))
            .body("title", equalTo("Too many requests"))
            .body("status", equalTo(429))
            .body("instance", equalTo(BY_ADDRESS));
    }

    @Test
    void eachClientHasItsOwnBucket() {
        String first = TestTokens.token().clientId("partner-" + UUID.randomUUID()).sign();
        String second = TestTokens.token().clientId("partner-" + UUID.randomUUID()).sign();
        callAs(first, 200);
        callAs(first, 200);
        callAs(first, 429);
        callAs(second, 200);
        callAs(second, 200);
        callAs(second, 429);
    }

    @Test
    void aForgedTokenDoesNotSpendTheClientsAllowance() {
        String clientId = "partner-" + UUID.randomUUID();
        String forged = TestTokens.token().clientId(clientId).signedByForeignKey().sign();
        for (int i = 0; i < 3; i++) {
            // the gateway passes it on (the service refuses it); it names no client to count
            callAs(forged, 200);
        }
        String genuine = TestTokens.token().clientId(clientId).sign();
        callAs(genuine, 200);
        callAs(genuine, 200);
        callAs(genuine, 429);
    }

    @Test
    void requestsWithinTheLimitsCostNoDatabaseCallEach() {
        String token = TestTokens.token().clientId("partner-" + UUID.randomUUID()).sign();
        given().auth().oauth2(token).when().get("/api/registry/echo").then().statusCode(200);
        long before = limiter.roundTrips();
        for (int i = 0; i < 60; i++) {
            given().auth().oauth2(token).when().get("/api/registry/echo").then().statusCode(200);
        }
        // 60 requests, each counted per address and per client: leases, not 120 calls of rate_limit_grant
        long calls = limiter.roundTrips() - before;
        assertTrue(calls <= 6, "database calls for 60 requests: " + calls);
    }

    private static void callAs(String token, int status) {
        given().auth().oauth2(token).when().get(BY_CLIENT).then().statusCode(status);
    }
}
