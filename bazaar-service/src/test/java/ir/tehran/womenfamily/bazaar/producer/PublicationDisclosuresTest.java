package ir.tehran.womenfamily.bazaar.producer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A business named to a partner app under its owner's consent is reported to the registry
 * ({@code bazaar.disclosure}, {@code disclosure.recorded}, keyed by the owner) once per business, partner and day,
 * however many listings name it; listings that do not name it (no consent) and readers who see it anyway (staff,
 * the producer herself) report nothing. Counted in the outbox, where the report is written in the listing's
 * transaction.
 */
@QuarkusTest
class PublicationDisclosuresTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBusinessNamedToAPartnerIsReportedOncePerPartnerAndDay() throws Exception {
        LocalDate day = TestData.today().plusDays(31);
        String venue = TestData.venue(2, 0, 0, 12);
        String bazaar = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID owner = UUID.randomUUID();
        UUID named = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", named, TestData.business(named, owner, "pottery", 12, true,
            "ACTIVE"));
        TestData.awaitProducer(named, "ACTIVE");
        TestData.sendPublicationConsent(owner, true);
        UUID silent = TestData.registeredBusiness("candles", 12, true);
        String namedApp = TestData.apply(bazaar, named, List.of(venue), List.of(day), 1);
        TestData.apply(bazaar, silent, List.of(venue), List.of(day), 1);
        String partner = TestData.partnerApp("bazaar.read");
        String guide = TestTokens.token().subject("bazaar-guide").groups("partner-app").claim("scope", "bazaar.read")
            .sign();
        String listing = "/api/bazaar/bazaars/" + bazaar + "/applications";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            given().auth().oauth2(partner).get(listing).then().statusCode(200)
                .body("items.find { it.id == '" + namedApp + "' }.businessId", equalTo(named.toString())));

        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(partner).get(listing).then().statusCode(200);
            given().auth().oauth2(partner).get("/api/bazaar/applications/" + namedApp).then().statusCode(200);
        }
        given().auth().oauth2(guide).get(listing).then().statusCode(200);
        given().auth().oauth2(TestData.coordinator()).get(listing).then().statusCode(200);
        given().auth().oauth2(TestData.producer(named)).get("/api/bazaar/applications/" + namedApp).then()
            .statusCode(200);

        List<String> recipients = recipients(named);
        assertEquals(2, recipients.size(), recipients.toString());
        assertEquals(2, Set.copyOf(recipients).size(), recipients.toString());
        assertTrue(recipients.stream().allMatch(r -> r.startsWith("partner-app:")), recipients.toString());
        assertEquals(0, recipients(silent).size());

        EventProbe.Message m = TestData.probe().await("bazaar.disclosure", r -> owner.toString().equals(r.key()),
            Duration.ofSeconds(30));
        assertEquals("ir.tehran.womenfamily.bazaar.disclosure.recorded", m.ce("type"));
        Set<String> violations = EventContract.load().violations(m.ce("dataschema"), m.value());
        assertTrue(violations.isEmpty(), violations + " " + m.value());
        JsonNode data = new ObjectMapper().readTree(m.value());
        assertEquals(owner.toString(), data.get("beneficiaryId").asText());
        assertEquals("BAZAAR_PUBLICATION", data.get("purpose").asText());
        assertEquals("producer-listed", data.get("what").asText());
        assertEquals(named.toString(), data.get("reference").asText());
    }

    /** The recipients of the reports about this business that the outbox holds, one per report. */
    private List<String> recipients(UUID business) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select payload ->> 'recipient' from outbox_event where aggregate_type = 'disclosure' "
                    + "and event_type = 'disclosure.recorded' and payload ->> 'reference' = ?")) {
            s.setString(1, business.toString());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }
}
