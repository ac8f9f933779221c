package ir.tehran.womenfamily.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.localstack.PostgresServer;
import ir.tehran.womenfamily.localstack.SecurityMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole system, each part in its own process as the run command starts it: a request with a token
 * through the gateway into the registry, its event through the outbox and Kafka into sponsorship. The
 * system is the one {@link SharedStack} runs for this class and the bad-input run.
 */
@ExtendWith(SharedStack.class)
class WholeSystemIT {

    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = SharedStack.stack();
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


    private static String register(String token, String requestId) {
        return given().baseUri(stack.gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON)
            .header("X-Request-Id", requestId)
            .body("{\"nationalCode\":\"" + NationalCodes.random() + "\",\"firstName\":\"زهرا\",\"lastName\":\"کریمی\"}")
            .when().post("/api/registry/beneficiaries")
            .then().statusCode(201)
            .header("X-Request-Id", requestId)
            .extract().path("id");
    }

    private static void awaitMotherInSponsorship(String officerToken, String id, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
            given().baseUri(stack.gatewayUrl()).auth().oauth2(officerToken)
                .when().get("/api/sponsorship/mothers/" + id)
                .then().statusCode(200).body("beneficiaryId", equalTo(id)));
    }

    /**
     * The roles × operations matrix, generated from the gateway's aggregated document: every operation of every
     * service and of the gateway, as every role, through the gateway, against {@code docs/security-matrix.md}.
     * An operation of the aggregate without a row fails, and so does a row the aggregate lacks.
     */
    @Test
    void theAggregatedDocumentsOperationsAnswerEveryRoleThroughTheGatewayAsTheMatrixSays() throws Exception {
        SecurityMatrix.throughGateway(URI.create(stack.gatewayUrl() + "/"), SecurityMatrix.defaultFile(),
            stack.jwtKeys()).verify();
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        given().baseUri(stack.gatewayUrl()).contentType(ContentType.JSON).body("{}")
            .when().post("/api/registry/beneficiaries")
            .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aDirectCallThatBypassesTheGatewayWithoutATokenIs401Too() {
        given().baseUri(stack.service("registry").baseUrl()).contentType(ContentType.JSON).body("{}")
            .when().post("/api/registry/beneficiaries")
            .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(stack.service("sponsorship").baseUrl())
            .when().get("/api/sponsorship/mothers/" + UUID.randomUUID())
            .then().statusCode(401);
    }

    @Test
    void aWomanRegisteredThroughTheGatewayReachesSponsorshipWithHerRequestId() {
        String requestId = "e2e-" + UUID.randomUUID();
        String id = register(token("caseworker"), requestId);
        awaitMotherInSponsorship(token("officer"), id, Duration.ofSeconds(30));

        EventProbe.Message event = new EventProbe(stack.kafka().bootstrapServers())
            .await("registry.beneficiary", m -> id.equals(m.key()), Duration.ofSeconds(10));
        assertEquals(requestId, event.ce("requestid"));
    }

    @Test
    void writesAcceptedWhileTheBrokerIsDownArriveOnceWhenItReturns() throws Exception {
        String caseworker = token("caseworker");
        String officer = token("officer");
        List<String> ids = new ArrayList<>();
        stack.kafka().stop();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(register(caseworker, "outage-" + i + "-" + UUID.randomUUID()));
            }
            assertEquals(5, unpublishedOutboxRows(), "the events wait in the registry's outbox");
        } finally {
            stack.kafka().restart();
        }
        for (String id : ids) {
            awaitMotherInSponsorship(officer, id, Duration.ofSeconds(90));
        }
        assertEquals(0, unpublishedOutboxRows());
        for (String id : ids) {
            assertEquals(1, processedEventsFor(id), "applied exactly once: " + id);
        }
    }

    private static long unpublishedOutboxRows() throws Exception {
        return count(stack.postgres().jdbcUrl("registry"),
            "select count(*) from outbox_event where published_at is null", null);
    }

    private static long processedEventsFor(String beneficiaryId) throws Exception {
        return count(stack.postgres().jdbcUrl("sponsorship"), "select count(*) from processed_event p "
            + "join mother m on m.source_event_id = p.event_id where m.beneficiary_id = ?::uuid", beneficiaryId);
    }

    private static long count(String url, String sql, String param) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             PreparedStatement s = c.prepareStatement(sql)) {
            if (param != null) {
                s.setString(1, param);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
