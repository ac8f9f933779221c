package ir.tehran.womenfamily.sponsorship.child;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.sponsorship.PublishedEvents;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The daily job ages children out on their 20th Jalali birthday. It is run here for chosen days; the
 * children of the other tests are far younger.
 */
@QuarkusTest
class AgeOutTest {

    @Inject
    AgeOutService ageOut;

    private static LocalDate jalali(String d) {
        return JalaliDate.parse(d).toGregorian();
    }

    private static UUID child(LocalDate birth) {
        UUID id = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        RegistryFeed.sponsorshipConsent(mother, true);
        RegistryFeed.childAdded(id, mother, birth, "FEMALE", 12, 15);
        return id;
    }

    @Test
    void sheAgesOutOnHerBirthdayHerSponsorshipEndsAndHerHistoryStays() {
        UUID twenty = child(jalali("1384-06-15"));
        UUID dayYounger = child(jalali("1384-06-16"));
        RegistryFeed.awaitChildren(List.of(twenty, dayYounger));
        RegistryFeed.awaitConsent(List.of(twenty, dayYounger), true);
        UUID sponsor = Sponsors.newBenefactor("خیر آزمون سن", null);
        UUID pledge = Sponsors.sponsor(sponsor, twenty, "EDUCATION", 30_000_000);

        AgeOutService.Report report = ageOut.run(jalali("1404-06-15"));
        assertTrue(report.children().contains(twenty));
        assertFalse(report.children().contains(dayYounger), "she turns 20 tomorrow");
        assertEquals("1404-06-15", report.onJalali());

        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + twenty).then().statusCode(200)
            .body("status", equalTo("AGED_OUT"))
            .body("agedOutOnJalali", equalTo("1404-06-15"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + dayYounger).then()
            .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + twenty + "/history").then()
            .body("items.kind", hasItems("ADDED", "SPONSORSHIP_STARTED", "AGED_OUT", "SPONSORSHIP_ENDED"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/pledges/" + pledge).then()
            .body("status", equalTo("ENDED")).body("endReason", equalTo("CHILD_AGED_OUT"))
            .body("balances.outstandingRials", equalTo(0));

        JsonNode agedOut = PublishedEvents.await("sponsorship.child", twenty.toString(), "child.aged-out");
        assertEquals(twenty.toString(), agedOut.get("childId").asText());
        assertEquals("1404-06-15", agedOut.get("agedOutOnJalali").asText());
        assertEquals(jalali("1404-06-15").toString(), agedOut.get("agedOutOn").asText());
        JsonNode ended = PublishedEvents.await("sponsorship.sponsorship", pledge.toString(), "sponsorship.ended");
        assertEquals("CHILD_AGED_OUT", ended.get("reason").asText());

        AgeOutService.Report again = ageOut.run(jalali("1404-06-15"));
        assertFalse(again.children().contains(twenty), "aged out once");
        given().auth().oauth2(Tokens.officer()).contentType("application/json")
            .body("{\"sponsorId\":\"" + sponsor + "\",\"childId\":\"" + twenty + "\",\"purpose\":\"COURSE\","
                + "\"schedule\":\"ONE_OFF\",\"instalmentRials\":1000}")
            .post("/api/sponsorship/pledges").then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/child-not-active"));
    }

    @Test
    void bornOn30EsfandOfALeapYearSheAgesOutOnNowruzWhenHerTwentiethYearIsCommon() {
        // 1387 is a leap year, 1407 is not: she turns 20 on 1 Farvardin 1408
        UUID leap = child(jalali("1387-12-30"));
        RegistryFeed.awaitChildren(List.of(leap));
        assertFalse(ageOut.run(jalali("1407-12-29")).children().contains(leap));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + leap).then()
            .body("status", equalTo("ACTIVE"))
            .body("agesOutOnJalali", equalTo("1408-01-01"));
        assertTrue(ageOut.run(jalali("1408-01-01")).children().contains(leap));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + leap).then()
            .body("status", equalTo("AGED_OUT"))
            .body("agedOutOnJalali", equalTo("1408-01-01"));
    }

    @Test
    void anOfficerMayRunTodaysAgeOutAndACaseworkerMayNot() {
        given().auth().oauth2(Tokens.officer()).post("/api/sponsorship/roster/age-out-runs").then().statusCode(200)
            .body("onJalali", equalTo(JalaliDate.of(RegistryFeed.today()).toString()));
        given().auth().oauth2(Tokens.caseworker()).post("/api/sponsorship/roster/age-out-runs").then()
            .statusCode(403);
    }
}
