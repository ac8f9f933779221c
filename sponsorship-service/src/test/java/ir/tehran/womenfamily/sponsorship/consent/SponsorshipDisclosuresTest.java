package ir.tehran.womenfamily.sponsorship.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.sponsorship.PublishedEvents;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Sharing a child with a sponsor is reported to the registry ({@code sponsorship.disclosure},
 * {@code disclosure.recorded}, keyed by the mother), once per share: a proposal, a start; never per read of the
 * sponsor's view. Counted in the outbox, where the report is written in the share's transaction.
 */
@QuarkusTest
class SponsorshipDisclosuresTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aProposalAndAStartAreEachReportedOnceHoweverOftenTheSponsorLooks() throws SQLException {
        UUID child = RegistryFeed.newChild(12, "FEMALE", 22);
        UUID mother = mother(child);
        UUID sponsor = Sponsors.newBenefactor("خیر گزارش", null);
        UUID pledge = Sponsors.sponsor(sponsor, child, "EDUCATION", 3_000_000);
        String token = Tokens.sponsor(sponsor);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/sponsorship/me/children").then().statusCode(200);
            given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships/" + pledge).then().statusCode(200);
        }

        assertEquals(1, reports(pledge, "child-proposed"));
        assertEquals(1, reports(pledge, "child-sponsored"));
        JsonNode event = PublishedEvents.await("sponsorship.disclosure", mother.toString(), "disclosure.recorded");
        assertEquals(mother.toString(), event.get("beneficiaryId").asText());
        assertEquals("SPONSORSHIP", event.get("purpose").asText());
        assertEquals("sponsor", event.get("recipient").asText());
        assertEquals(pledge.toString(), event.get("reference").asText());
        assertEquals("child-proposed", event.get("what").asText());
    }

    static UUID mother(UUID child) {
        return UUID.fromString(given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child)
            .then().statusCode(200).extract().path("motherId"));
    }

    /** How many reports of {@code what} about the pledge the outbox holds. */
    private long reports(UUID pledge, String what) throws SQLException {
        return count(dataSource, pledge, what);
    }

    static long count(AgroalDataSource dataSource, UUID pledge, String what) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from outbox_event where aggregate_type = 'disclosure' and event_type = "
                    + "'disclosure.recorded' and payload ->> 'reference' = ? and payload ->> 'what' = ?")) {
            s.setString(1, pledge.toString());
            s.setString(2, what);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
