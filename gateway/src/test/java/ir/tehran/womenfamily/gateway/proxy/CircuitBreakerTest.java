package ir.tehran.womenfamily.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker of one service against a real HTTP server on the port the gateway knows as bazaar's
 * (nothing listens there in the other tests): the server is started, made to fail, stopped and started again,
 * and counts the requests that reach it. The test profile opens bazaar's breaker after 3 failures, for 2 s.
 */
@QuarkusTest
class CircuitBreakerTest {

    private static final int FAILURES = 3;
    /** Every request here gives up after this long: a hang fails the test instead of stalling it. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig
        .httpClientConfig().setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 10_000));

    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;
    private int port;

    @BeforeEach
    void port() {
        port = URI.create(ConfigProvider.getConfig().getValue("gateway.services.bazaar.url", String.class)).getPort();
    }

    @AfterEach
    void stopService() {
        stop();
    }

    private void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            // the gateway's readiness check asks /q/health/ready directly; only proxied requests count
            if (exchange.getRequestURI().getPath().startsWith("/api/")) {
                hits.incrementAndGet();
            }
            byte[] body = ("{\"from\":\"bazaar\",\"status\":" + status.get() + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // no kept-alive connection outlives a stop: the next request after one meets a closed port
            exchange.getResponseHeaders().add("Connection", "close");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private static Response get(String language) {
        return given().config(BOUNDED).header("Accept-Language", language).when().get("/api/bazaar/products");
    }

    /** Until the breaker lets requests through again and the service answers 200 (bounded). */
    private static void awaitClosed() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
            .until(() -> get("en").statusCode() == 200);
    }

    private static String breakerState() {
        return given().config(BOUNDED).when().get("/q/health/ready").then()
            .extract().jsonPath().getString("checks.find { it.name == 'services' }.data.'bazaar.circuit-breaker'");
    }

    @Test
    void opensAfterFailuresAnswersWithoutTheServiceAndClosesWhenItIsBack() throws Exception {
        start();
        awaitClosed();
        assertEquals("CLOSED", breakerState());

        // the service fails: its own 503 answers reach the client unchanged, and each one counts
        status.set(503);
        int before = hits.get();
        for (int i = 0; i < FAILURES; i++) {
            get("en").then().statusCode(503).body("from", equalTo("bazaar"));
        }
        assertEquals(before + FAILURES, hits.get());
        assertEquals("OPEN", breakerState());

        // open: the gateway answers itself, in the client's language, and the service sees nothing
        get("en").then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Content-Language", "en")
            .header("Retry-After", matchesPattern("[12]"))
            .body("type", equalTo("https://women-family.tehran.ir/problems/upstream-unavailable"))
            .body("title", equalTo("The service is unavailable"))
            .body("detail", equalTo("The bazaar service is unavailable at the moment; try again shortly."));
        get("fa").then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Content-Language", "fa")
            .body("title", equalTo("سرویس در دسترس نیست"));
        assertEquals(before + FAILURES, hits.get(), "an open breaker must not contact the service");
        given().auth().oauth2(TestTokens.token().subject("prometheus").clientId("prometheus").groups("monitoring")
                .sign())
            .when().get("/q/metrics").then().statusCode(200)
            .body(containsString("gateway_circuit_breaker_state{service=\"bazaar\",state=\"open\"} 1.0"));

        // the service is back: after the delay one trial request goes through and closes the breaker
        status.set(200);
        awaitClosed();
        assertTrue(hits.get() > before + FAILURES);
        assertEquals("CLOSED", breakerState());
    }

    @Test
    void aRefusedConnectionIsAPromptProblemAndOpensTheBreakerToo() throws Exception {
        start();
        awaitClosed();
        stop();

        // nothing listens: each request is answered 503 problem+json, neither a hang nor an empty 502
        for (int i = 0; i < FAILURES; i++) {
            get("en").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://women-family.tehran.ir/problems/upstream-unavailable"));
        }
        assertEquals("OPEN", breakerState());

        // started again: the breaker closes once its delay has passed
        start();
        int before = hits.get();
        awaitClosed();
        assertTrue(hits.get() > before);
        assertEquals("CLOSED", breakerState());
        given().config(BOUNDED).when().get("/api/bazaar/products").then().statusCode(200)
            .body("from", equalTo("bazaar"));
    }
}
