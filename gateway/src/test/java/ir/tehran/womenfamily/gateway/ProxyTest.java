package ir.tehran.womenfamily.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import ir.tehran.womenfamily.localstack.InfraTestResource;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The reverse proxy against a real HTTP server (see {@link FakeServices}). The test resources of the
 * whole module are declared here, once, for every test class.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, scope = TestResourceScope.GLOBAL,
    initArgs = {@ResourceArg(name = "database", value = "gateway"), @ResourceArg(name = "kafka", value = "false")})
@WithTestResource(value = FakeServices.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RotatedKeys.class, scope = TestResourceScope.GLOBAL)
class ProxyTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void pathQueryAndHeadersPassThrough() {
        given()
            .urlEncodingEnabled(false)
            .header("Authorization", "Bearer abc.def.ghi")
            .when().get("/api/registry/people/42?sort=name&q=%D8%B2%D9%86")
            .then()
            .statusCode(200)
            .body("method", equalTo("GET"))
            .body("uri", equalTo("/api/registry/people/42?sort=name&q=%D8%B2%D9%86"))
            .body("authorization", equalTo("Bearer abc.def.ghi"))
            .body("forwardedFor", notNullValue())
            .body("forwardedHost", notNullValue());
    }

    /**
     * The service learns the scheme and host the client called (from which it writes the public URL into a 201's
     * Location), and nothing a client sent to choose them.
     */
    @Test
    void theServiceIsToldTheHostTheClientCalledAndNothingTheClientForged() {
        given()
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Port", "6666")
            .header("X-Forwarded-Prefix", "/evil")
            .header("Forwarded", "host=evil.example;proto=https")
            .when().get("/api/registry/people/42")
            .then()
            .statusCode(200)
            .body("forwardedHost", equalTo("localhost:" + io.restassured.RestAssured.port))
            .body("forwardedProto", equalTo("http"))
            .body("forwardedPort", nullValue())
            .body("forwardedPrefix", nullValue())
            .body("forwarded", nullValue());
    }

    @Test
    void theDciPathsOfTheStandardGoToTheRegistrysDciResource() {
        given()
            .contentType("application/json")
            .body("{}")
            .when().post("/registry/sync/search")
            .then()
            .statusCode(200)
            .body("method", equalTo("POST"))
            .body("uri", equalTo("/api/registry/dci/registry/sync/search"));
    }

    @Test
    void bodyPassesThrough() {
        String body = "{\"name\":\"مریم\"}";
        given()
            .contentType("application/json; charset=UTF-8")
            .body(body.getBytes(StandardCharsets.UTF_8))
            .when().post("/api/registry/people")
            .then()
            .statusCode(200)
            .body("method", equalTo("POST"))
            .body("contentType", startsWith("application/json"))
            .body("body", equalTo(body));
    }

    @Test
    void aBodyWaitsWhileTheTokenIsVerifiedForTheRateLimit() throws Exception {
        // a token never seen before is verified off the event loop before the request moves on
        byte[] body = new byte[512 * 1024];
        new Random(11).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given()
            .auth().oauth2(TestTokens.token().clientId("body-" + System.nanoTime()).sign())
            .contentType("application/octet-stream")
            .body(body)
            .when().post("/api/registry/documents")
            .then()
            .statusCode(200)
            .body("bytes", equalTo(body.length))
            .body("sha256", equalTo(sha));
    }

    @Test
    void largeBodyIsStreamedIntact() throws Exception {
        byte[] large = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(large);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(large));
        given()
            .contentType("application/octet-stream")
            .body(large)
            .when().put("/api/registry/documents/1")
            .then()
            .statusCode(200)
            .body("bytes", equalTo(large.length))
            .body("sha256", equalTo(sha));
    }

    @Test
    void chunkedResponseIsStreamedIntact() {
        String body = given().when().get("/api/registry/stream?chunks=200")
            .then().statusCode(200).extract().asString();
        assertEquals(200_000, body.length());
    }

    @Test
    void requestIdIsGeneratedWhenAbsent() {
        Response response = given().when().get("/api/registry/anything");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("requestId"));
    }

    @Test
    void wellFormedRequestIdIsPassedThrough() {
        given().header("X-Request-Id", "client-req-0001")
            .when().get("/api/registry/anything")
            .then()
            .statusCode(200)
            .header("X-Request-Id", "client-req-0001")
            .body("requestId", equalTo("client-req-0001"));
    }

    @Test
    void malformedRequestIdIsReplaced() {
        Response response = given().header("X-Request-Id", "<script>alert(1)</script>")
            .when().get("/api/registry/anything");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        assertEquals(response.header("X-Request-Id"), response.jsonPath().getString("requestId"));
    }

    @Test
    void theServiceContinuesTheClientsTraceFromTheGatewaysSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpan = "00f067aa0ba902b7";
        String forwarded = given().header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
            .when().get("/api/registry/traced")
            .then().statusCode(200).extract().jsonPath().getString("traceparent");
        assertTrue(forwarded.matches("00-" + traceId + "-[0-9a-f]{16}-01"), forwarded);
        assertNotEquals("00-" + traceId + "-" + clientSpan + "-01", forwarded, "the gateway's own span is the parent");
    }

    @Test
    void aRequestWithoutTraceStartsOneAtTheGateway() {
        String forwarded = given().when().get("/api/registry/untraced")
            .then().statusCode(200).extract().jsonPath().getString("traceparent");
        assertTrue(forwarded != null && forwarded.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), forwarded);
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        given().when().get("/api/registry/status/409")
            .then()
            .statusCode(409)
            .body("from", equalTo("registry"));
    }

    @Test
    void serviceDownIsUnavailableInPersianByDefault() {
        given().header("X-Request-Id", "down-1")
            .when().get("/api/bazaar/products")
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("X-Request-Id", "down-1")
            .header("Content-Language", "fa")
            .header("Retry-After", matchesPattern("[1-9][0-9]*"))
            .body("type", equalTo("https://women-family.tehran.ir/problems/upstream-unavailable"))
            .body("title", equalTo("سرویس در دسترس نیست"))
            .body("status", equalTo(503))
            .body("detail", equalTo("سرویس bazaar در حال حاضر در دسترس نیست؛ کمی بعد دوباره تلاش کنید."))
            .body("instance", equalTo("/api/bazaar/products"))
            .body("requestId", equalTo("down-1"));
    }

    @Test
    void serviceDownIsUnavailableInEnglishWhenAsked() {
        given().header("Accept-Language", "en-US,en;q=0.9")
            .when().post("/api/sponsorship/sponsors")
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Content-Language", "en")
            .header("Retry-After", matchesPattern("[1-9][0-9]*"))
            .header("X-Request-Id", matchesPattern(UUID_PATTERN))
            .body("type", equalTo("https://women-family.tehran.ir/problems/upstream-unavailable"))
            .body("title", equalTo("The service is unavailable"))
            .body("detail", equalTo("The sponsorship service is unavailable at the moment; try again shortly."));
    }

    @Test
    void slowServiceIsGatewayTimeout() {
        // the first request through a fresh gateway pays for its warm-up, which is not what is timed here
        given().when().get("/api/registry/people").then().statusCode(200);
        long start = System.nanoTime();
        given().header("Accept-Language", "en")
            .when().get("/api/registry/slow")
            .then()
            .statusCode(504)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/gateway-timeout"))
            .body("title", equalTo("The upstream service did not answer in time"))
            .body("status", equalTo(504));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < FakeServices.SLOW_MILLIS, "answered after " + millis + " ms");
    }

    @Test
    void gatewayRoutesAreNotShadowedAndUnknownPathsAreProblems() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/oauth2/jwks").then().statusCode(200).body("keys", notNullValue());
        String type = given().when().get("/api/unknown-service/x")
            .then().statusCode(404).contentType("application/problem+json")
            .extract().jsonPath().getString("type");
        assertNotEquals(null, type);
    }

    @Test
    void aRevalidationIs304WithoutABodyAndTheConnectionStaysUsable() throws Exception {
        String etag = given().get("/api/registry/calendar").then().statusCode(200).extract().header("ETag");
        assertEquals("\"calendar-v1\"", etag);
        // as a phone or wrk does it: several revalidations, one after another, on one kept-alive connection
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(("GET /api/registry/calendar HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: " + etag
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 304"), head);
                assertFalse(head.toLowerCase(Locale.ROOT).contains("transfer-encoding"), head);
                assertTrue(head.contains("ETag: " + etag) || head.contains("etag: " + etag), head);
            }
            // nothing follows the last head: a 304 has no body
            socket.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, in::read);
        }
    }

    @Test
    void aClientThatExpectsContinueIsAskedForItsBodyAndTheServiceGetsIt() throws Exception {
        // curl, .NET and Java clients send "Expect: 100-continue" before a large body and wait for the go-ahead
        byte[] body = "{\"name\":\"زهرا\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /api/registry/people HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String interim = readHead(in);
            assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            out.write(body);
            out.flush();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            String length = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .findFirst().orElseThrow().substring("content-length:".length()).strip();
            byte[] answer = in.readNBytes(Integer.parseInt(length));
            String echoed = new String(answer, StandardCharsets.UTF_8);
            // the gateway answered the expectation itself: the service reads a plain request
            assertTrue(echoed.contains("زهرا") && echoed.contains("\"expect\":null"), echoed);
        }
    }

    /** Reads a response's status line and headers, up to the blank line. */
    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
