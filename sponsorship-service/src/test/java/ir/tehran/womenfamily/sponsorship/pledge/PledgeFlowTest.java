package ir.tehran.womenfamily.sponsorship.pledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.PublishedEvents;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A pledge from proposal to end, with its money and its events. */
@QuarkusTest
class PledgeFlowTest {

    private static final String PATH = "/api/sponsorship/pledges";

    @Inject
    PledgeService pledges;

    private static io.restassured.specification.RequestSpecification officer() {
        return given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON);
    }

    @Test
    void aMonthlyPledgePaidByACompanyIsConfirmedReceivedDisbursedAndEnded() {
        UUID child = RegistryFeed.newChild(11, "MALE", 2);
        UUID sponsor = Sponsors.newBenefactor("مریم کاظمی", null);
        UUID company = Sponsors.newBenefactor("شرکت نمونه", null);
        String id = officer().body("{\"sponsorId\":\"" + sponsor + "\",\"payerId\":\"" + company + "\",\"childId\":\""
                + child + "\",\"purpose\":\"EDUCATION\",\"schedule\":\"MONTHLY\",\"instalmentRials\":5000000,"
                + "\"months\":12,\"startsOn\":\"" + JalaliDate.of(RegistryFeed.today()) + "\"}")
            .post(PATH).then().statusCode(201)
            .body("status", equalTo("PROPOSED"))
            .body("payerId", equalTo(company.toString()))
            .body("totalRials", equalTo(60_000_000))
            .body("balances.pledgedRials", equalTo(0))
            .extract().path("id");

        officer().body(Sponsors.pledgeBody(Sponsors.newBenefactor("دیگری", null), child, "EDUCATION", "ONE_OFF",
                1000, null))
            .post(PATH).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/purpose-already-sponsored"));
        // several sponsors per child, by purpose
        Sponsors.propose(Sponsors.newBenefactor("سومی", null), child, "COURSE", 2_000_000);

        given().auth().oauth2(Tokens.officer()).post(PATH + "/" + id + "/confirmation").then().statusCode(200)
            .body("status", equalTo("ACTIVE")).body("balances.pledgedRials", equalTo(60_000_000))
            .body("balances.outstandingRials", equalTo(60_000_000));
        JsonNode started = PublishedEvents.await("sponsorship.sponsorship", id, "sponsorship.started");
        assertEquals(child.toString(), started.get("childId").asText());
        assertEquals("EDUCATION", started.get("purpose").asText());
        assertFalse(started.has("sponsorId"), "the benefactor stays in this service");

        officer().body("{\"amountRials\":15000000,\"receivedOn\":\"" + JalaliDate.of(RegistryFeed.today())
            + "\"}").post(PATH + "/" + id + "/receipts").then().statusCode(201).body("kind", equalTo("RECEIVED"));
        officer().body("{\"amountRials\":4000000,\"target\":\"FAMILY\",\"note\":\"لوازم التحرير\"}")
            .post(PATH + "/" + id + "/disbursements").then().statusCode(201).body("kind", equalTo("DISBURSED"));
        officer().body("{\"amountRials\":11000001,\"target\":\"FAMILY\"}")
            .post(PATH + "/" + id + "/disbursements").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/exceeds-available"));
        officer().body("{\"amountRials\":45000001}").post(PATH + "/" + id + "/receipts").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/exceeds-outstanding"));

        officer().body("{\"reason\":\"SPONSOR_WITHDREW\"}").post(PATH + "/" + id + "/end").then().statusCode(200)
            .body("status", equalTo("ENDED"))
            .body("balances.releasedRials", equalTo(45_000_000))
            .body("balances.outstandingRials", equalTo(0))
            .body("balances.availableRials", equalTo(11_000_000));
        // money already received still goes to the child after the end
        officer().body("{\"amountRials\":11000000,\"target\":\"SCHOOL_FEES\"}")
            .post(PATH + "/" + id + "/disbursements").then().statusCode(201);
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + id + "/ledger").then().statusCode(200)
            .body("items.kind", org.hamcrest.Matchers.contains("PLEDGED", "RECEIVED", "DISBURSED", "PLEDGE_RELEASED",
                "DISBURSED"));
        JsonNode ended = PublishedEvents.await("sponsorship.sponsorship", id, "sponsorship.ended");
        assertEquals("SPONSOR_WITHDREW", ended.get("reason").asText());
        JsonNode disbursed = PublishedEvents.await("sponsorship.sponsorship", id, "disbursement.recorded");
        assertEquals("FAMILY", disbursed.get("target").asText());
        assertEquals(4_000_000, disbursed.get("amountRials").asLong());
    }

    @Test
    void aProposalThatIsNotConfirmedIsReleasedAndTheChildIsFreeAgain() {
        UUID child = RegistryFeed.newChild(7, "FEMALE", 2);
        UUID sponsor = Sponsors.newBenefactor("زهره", null);
        UUID declined = Sponsors.propose(sponsor, child, "GENERAL", 1_000_000);
        given().auth().oauth2(Tokens.officer()).post(PATH + "/" + declined + "/release").then().statusCode(200)
            .body("status", equalTo("RELEASED")).body("releaseReason", equalTo("DECLINED"));
        given().auth().oauth2(Tokens.officer()).post(PATH + "/" + declined + "/confirmation").then().statusCode(409);

        UUID expiring = Sponsors.propose(sponsor, child, "GENERAL", 1_000_000);
        pledges.releaseExpired(Instant.now().plus(Duration.ofDays(8)));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + expiring).then()
            .body("status", equalTo("RELEASED")).body("releaseReason", equalTo("EXPIRED"));
        Sponsors.sponsor(sponsor, child, "GENERAL", 1_000_000);
    }

    @Test
    void clientsSetNoIdsStatusesOrBalancesAndAmountsAreWholeRials() {
        UUID child = RegistryFeed.newChild(6, "MALE", 2);
        UUID sponsor = Sponsors.newBenefactor("خیر", null);
        String base = Sponsors.pledgeBody(sponsor, child, "EDUCATION", "ONE_OFF", 1000, null);
        for (String field : new String[] {"\"status\":\"ACTIVE\"", "\"id\":\"" + UUID.randomUUID() + "\"",
            "\"receivedRials\":1000"}) {
            officer().body(base.replace("}", "," + field + "}")).post(PATH).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field.substring(1, field.indexOf('"', 1))));
        }
        String amount = "\"instalmentRials\":1000";
        officer().body(base.replace(amount, amount + ".5")).post(PATH).then().statusCode(400)
            .body("errors.field", hasItem("instalmentRials"));
        officer().body(base.replace(amount, "\"instalmentRials\":\"1000\"")).post(PATH).then().statusCode(400)
            .body("errors.field", hasItem("instalmentRials"));
        officer().body(base.replace(amount, "\"instalmentRials\":-5")).post(PATH).then().statusCode(400)
            .body("errors.field", hasItem("instalmentRials"));
        officer().body(Sponsors.pledgeBody(sponsor, child, "EDUCATION", "MONTHLY", 1000, null)).post(PATH).then()
            .statusCode(400).body("errors.field", hasItem("months"));
        officer().body(Sponsors.pledgeBody(sponsor, child, "EDUCATION", "ONE_OFF", 1000, 3)).post(PATH).then()
            .statusCode(400).body("errors.field", hasItem("months"));
        officer().body(Sponsors.pledgeBody(UUID.randomUUID(), child, "EDUCATION", "ONE_OFF", 1000, null)).post(PATH)
            .then().statusCode(400).body("errors.field", hasItem("sponsorId"));
    }

    @Test
    void aDisbursementMustFitThePurposeAndNameOnlyTheChildsOwnRecords() {
        UUID child = RegistryFeed.newChild(12, "FEMALE", 2);
        UUID other = RegistryFeed.newChild(12, "FEMALE", 2);
        UUID pledge = Sponsors.sponsor(Sponsors.newBenefactor("خیر دوره", null), child, "COURSE", 2_000_000);
        Sponsors.receive(pledge, 2_000_000);
        officer().body("{\"amountRials\":1000,\"target\":\"FAMILY\"}")
            .post(PATH + "/" + pledge + "/disbursements").then().statusCode(400)
            .body("errors.field", hasItem("target"));
        String programme = officer().body("{\"kind\":\"TUTORING\",\"title\":\"ریاضی\",\"capacity\":5,\"startsOn\":\""
                + RegistryFeed.today() + "\",\"endsOn\":\"" + RegistryFeed.today().plusDays(30) + "\"}")
            .post("/api/sponsorship/programmes").then().statusCode(201).extract().path("id");
        String othersEnrolment = officer().body("{\"childId\":\"" + other + "\"}")
            .post("/api/sponsorship/programmes/" + programme + "/enrolments").then().statusCode(201)
            .extract().path("id");
        officer().body("{\"amountRials\":1000,\"target\":\"COURSE_FEES\",\"referenceType\":\"ENROLMENT\","
                + "\"referenceId\":\"" + othersEnrolment + "\"}")
            .post(PATH + "/" + pledge + "/disbursements").then().statusCode(400)
            .body("errors.field", hasItem("referenceId"));
    }
}
