package ir.tehran.womenfamily.sponsorship.pledge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.sponsorship.PublishedEvents;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * When a mother revokes her consent to sponsorship, her child's running sponsorship is suspended: nothing more is
 * due (released in the ledger, open instalments cancelled), money already received stays for the child, the
 * sponsor sees it ended without a reason; when she consents again it resumes with what was released pledged
 * again. The ledger agrees with the balances and the instalments throughout.
 */
@QuarkusTest
class PledgeSuspensionTest {

    private static final String PLEDGES = "/api/sponsorship/pledges/";

    @Test
    void aRevocationSuspendsTheSponsorshipAndAConsentGivenAgainResumesIt() {
        UUID child = RegistryFeed.newChild(11, "FEMALE", 22);
        UUID mother = UUID.fromString(given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child)
            .then().statusCode(200).extract().path("motherId"));
        UUID sponsor = Sponsors.newBenefactor("خیر تعلیق", null);
        UUID pledge = UUID.fromString(given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(Sponsors.pledgeBody(sponsor, child, "EDUCATION", "MONTHLY", 1_000_000, 3))
            .post("/api/sponsorship/pledges").then().statusCode(201).extract().path("id"));
        given().auth().oauth2(Tokens.officer()).post(PLEDGES + pledge + "/confirmation").then().statusCode(200);
        Sponsors.receive(pledge, 1_000_000);

        RegistryFeed.sponsorshipConsent(mother, false);
        awaitStatus(pledge, "SUSPENDED");
        JsonPath suspended = pledge(pledge);
        assertEquals(3_000_000L, suspended.getLong("balances.pledgedRials"));
        assertEquals(2_000_000L, suspended.getLong("balances.releasedRials"));
        assertEquals(1_000_000L, suspended.getLong("balances.receivedRials"));
        assertEquals(0L, suspended.getLong("balances.outstandingRials"));
        assertEquals(List.of("PAID", "CANCELLED", "CANCELLED"), statuses(pledge));
        // nothing more is due: a receipt is refused; what came in may still be paid out for the child
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"amountRials\":1000000}")
            .post(PLEDGES + pledge + "/receipts").then().statusCode(409)
            .contentType("application/problem+json").body("type", endsWith("pledge-not-active"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"amountRials\":400000,\"target\":\"FAMILY\"}")
            .post(PLEDGES + pledge + "/disbursements").then().statusCode(201);
        // the sponsor sees it ended, with no reason and no child
        String token = Tokens.sponsor(sponsor);
        given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships/" + pledge).then().statusCode(200)
            .body("status", equalTo("ENDED")).body("childFirstNameInitial", nullValue())
            .body("endedAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(token).get("/api/sponsorship/me/children").then().statusCode(200)
            .body("items", hasSize(0));
        // the purpose stays hers: no one else takes it while she may come back
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(Sponsors.pledgeBody(Sponsors.newBenefactor("خیر دیگر", null), child, "EDUCATION", "ONE_OFF",
                1_000_000, null))
            .post("/api/sponsorship/pledges").then().statusCode(409);
        reconciles(pledge);
        // announced on the sponsorship's topic, with no cause; written to the child's history, with it
        JsonNode suspendedEvent = PublishedEvents.await("sponsorship.sponsorship", pledge.toString(),
            "sponsorship.suspended");
        assertEquals(pledge.toString(), suspendedEvent.path("sponsorshipId").asText());
        assertEquals(child.toString(), suspendedEvent.path("childId").asText());
        assertEquals("EDUCATION", suspendedEvent.path("purpose").asText());
        assertEquals(List.of("childId", "purpose", "sponsorshipId", "suspendedAt"), fields(suspendedEvent));
        assertEquals(List.of(Map.of("sponsorshipId", pledge.toString(), "purpose", "EDUCATION",
            "cause", "MOTHER_REVOKED_SPONSORSHIP_CONSENT")), historyOf(child, "SPONSORSHIP_SUSPENDED"));

        RegistryFeed.sponsorshipConsent(mother, true);
        awaitStatus(pledge, "ACTIVE");
        JsonPath resumed = pledge(pledge);
        assertEquals(5_000_000L, resumed.getLong("balances.pledgedRials"));
        assertEquals(2_000_000L, resumed.getLong("balances.releasedRials"));
        assertEquals(2_000_000L, resumed.getLong("balances.outstandingRials"));
        assertEquals(List.of("PAID", "CANCELLED", "CANCELLED", "DUE", "DUE"), statuses(pledge));
        Sponsors.receive(pledge, 1_000_000);
        given().auth().oauth2(token).get("/api/sponsorship/me/children").then().statusCode(200)
            .body("items", hasSize(1));
        given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships/" + pledge).then().statusCode(200)
            .body("status", equalTo("ACTIVE"));
        reconciles(pledge);
        JsonNode resumedEvent = PublishedEvents.await("sponsorship.sponsorship", pledge.toString(),
            "sponsorship.resumed");
        assertEquals(List.of("childId", "purpose", "resumedAt", "sponsorshipId"), fields(resumedEvent));
        assertEquals(child.toString(), resumedEvent.path("childId").asText());
        assertEquals(List.of(Map.of("sponsorshipId", pledge.toString(), "purpose", "EDUCATION",
            "cause", "MOTHER_GAVE_SPONSORSHIP_CONSENT")), historyOf(child, "SPONSORSHIP_RESUMED"));
        assertEquals(1, PublishedEvents.all("sponsorship.sponsorship", pledge.toString(), "sponsorship.suspended")
            .size(), "one suspension, announced once");

        List<Map<String, Object>> audit = given().auth().oauth2(Tokens.admin()).queryParam("resourceType", "pledge")
            .queryParam("resourceId", pledge.toString()).queryParam("limit", 50).get("/api/sponsorship/audit")
            .then().statusCode(200).extract().path("items");
        org.hamcrest.MatcherAssert.assertThat(audit.stream().map(e -> e.get("action")).toList(),
            hasItem("pledge.suspend"));
        org.hamcrest.MatcherAssert.assertThat(audit.stream().map(e -> e.get("action")).toList(),
            hasItem("pledge.resume"));
    }

    @Test
    void anOfficerMayEndASuspendedSponsorshipForGood() {
        UUID child = RegistryFeed.newChild(11, "MALE", 22);
        UUID mother = UUID.fromString(given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child)
            .then().statusCode(200).extract().path("motherId"));
        UUID pledge = Sponsors.sponsor(Sponsors.newBenefactor("خیر پایان", null), child, "COURSE", 2_000_000);
        RegistryFeed.sponsorshipConsent(mother, false);
        awaitStatus(pledge, "SUSPENDED");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"reason\":\"OTHER\"}")
            .post(PLEDGES + pledge + "/end").then().statusCode(200).body("status", equalTo("ENDED"));

        RegistryFeed.sponsorshipConsent(mother, true);
        RegistryFeed.awaitConsent(List.of(child), true);
        given().auth().oauth2(Tokens.officer()).get(PLEDGES + pledge).then().statusCode(200)
            .body("status", equalTo("ENDED")).body("balances.pledgedRials", equalTo(2_000_000))
            .body("balances.releasedRials", equalTo(2_000_000));
        reconciles(pledge);
    }

    /** The names of an event's fields, sorted. */
    private static List<String> fields(JsonNode event) {
        List<String> names = new java.util.ArrayList<>();
        event.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    /** The details of the child's history lines of {@code kind}, as an officer reads them. */
    private static List<Map<String, Object>> historyOf(UUID child, String kind) {
        return given().auth().oauth2(Tokens.officer()).queryParam("limit", 200)
            .get("/api/sponsorship/children/" + child + "/history").then()
            .statusCode(200).extract().jsonPath().getList("items.findAll { it.kind == '" + kind + "' }.detail");
    }

    private static void awaitStatus(UUID pledge, String status) {
        // bounded wait for the consumer of the registry's consent event, not a timing assertion
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get(PLEDGES + pledge).then().statusCode(200)
                .body("status", equalTo(status)));
    }

    private static JsonPath pledge(UUID pledge) {
        return given().auth().oauth2(Tokens.officer()).get(PLEDGES + pledge).then().statusCode(200).extract()
            .jsonPath();
    }

    private static List<String> statuses(UUID pledge) {
        return given().auth().oauth2(Tokens.officer()).get(PLEDGES + pledge + "/instalments").then().statusCode(200)
            .extract().jsonPath().getList("items.status");
    }

    private static void reconciles(UUID pledge) {
        given().auth().oauth2(Tokens.admin()).get("/api/sponsorship/ledger/reconciliation").then().statusCode(200)
            .body("discrepancies.findAll { it.pledgeId == '" + pledge + "' }", hasSize(0));
    }
}
