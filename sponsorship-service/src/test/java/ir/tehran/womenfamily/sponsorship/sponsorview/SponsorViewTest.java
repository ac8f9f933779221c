package ir.tehran.womenfamily.sponsorship.sponsorview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/** A sponsor sees her own sponsorships and a pseudonymised view of the children she supports, nothing else. */
@QuarkusTest
class SponsorViewTest {

    @Test
    void aSponsorSeesACodeTheInitialAgeGradeAndProgressAndNothingThatIdentifiesTheChild() {
        // the registry sends the initial with the Arabic kaf; the sponsor reads it folded to the Persian letter
        UUID child = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        RegistryFeed.sponsorshipConsent(mother, true);
        RegistryFeed.send(RegistryFeed.CHILD_TOPIC, child.toString(), "child.added", RegistryFeed.childJson(child,
            mother, "\u0643", RegistryFeed.bornAged(13), "FEMALE", 7, 7));
        RegistryFeed.awaitChildren(java.util.List.of(child));
        RegistryFeed.awaitConsent(java.util.List.of(child), true);
        UUID mine = Sponsors.newBenefactor("سپیده", null);
        UUID someoneElse = Sponsors.newBenefactor("نرگس", null);
        UUID education = Sponsors.sponsor(mine, child, "EDUCATION", 20_000_000);
        Sponsors.sponsor(mine, child, "COURSE", 2_000_000);
        UUID theirs = Sponsors.sponsor(someoneElse, child, "SCHOOL_FEES", 5_000_000);
        Sponsors.receive(education, 5_000_000);
        for (String term : new String[] {"1402/2", "1403/1"}) {
            given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"grades\":{\"MATHEMATICS\":" + (term.equals("1402/2") ? 15 : 17) + ",\"ENGLISH\":18},"
                    + "\"schoolDays\":100,\"absentDays\":4}")
                .put("/api/sponsorship/children/" + child + "/term-reports/" + term).then().statusCode(201);
        }

        String token = Tokens.sponsor(mine);
        Map<String, Object> view = given().auth().oauth2(token).get("/api/sponsorship/me/children").then()
            .statusCode(200).body("items", hasSize(1)).extract().jsonPath().getMap("items[0]");
        assertEquals(Set.of("code", "firstNameInitial", "age", "grade", "purposes", "progress"), view.keySet());
        assertEquals("\u06A9", view.get("firstNameInitial"));
        String code = (String) view.get("code");
        given().auth().oauth2(token).get("/api/sponsorship/me/children/" + code).then().statusCode(200)
            .body("code", matchesPattern("[A-Z2-9]{4}-[A-Z2-9]{4}"))
            .body("age", equalTo(13))
            .body("grade", equalTo(7))
            .body("purposes", containsInAnyOrder("EDUCATION", "COURSE"))
            .body("progress.latestAverage", equalTo(17.5f))
            .body("progress.previousAverage", equalTo(16.5f))
            .body("progress.trend", equalTo("UP"))
            .body("progress.latestAttendanceRate", equalTo(0.96f));
        String body = given().auth().oauth2(token).get("/api/sponsorship/me/children").asString();
        assertFalse(body.contains(child.toString()), "the registry's id must not reach a sponsor");

        given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships").then().statusCode(200)
            .body("items", hasSize(2))
            .body("items.find { it.id == '" + education + "' }.balances.receivedRials", equalTo(5_000_000))
            .body("items.childCode", not(org.hamcrest.Matchers.hasItem(child.toString())));
        given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships/" + education).then().statusCode(200)
            .body("childCode", equalTo(code))
            .body("childFirstNameInitial", equalTo("\u06A9"))
            .body("instalments", hasSize(1))
            .body("instalments[0].paidRials", equalTo(5_000_000))
            .body("instalments[0].openRials", equalTo(15_000_000));

        // another sponsor's pledge and code do not exist for her
        given().auth().oauth2(token).get("/api/sponsorship/me/sponsorships/" + theirs).then().statusCode(404)
            .contentType("application/problem+json");
        String theirCode = given().auth().oauth2(Tokens.sponsor(someoneElse)).get("/api/sponsorship/me/children")
            .then().statusCode(200).extract().path("items[0].code");
        assertNotEquals(code, theirCode, "each sponsor knows the child by her own code");
        given().auth().oauth2(token).get("/api/sponsorship/me/children/" + theirCode).then().statusCode(404);
    }

    @Test
    void onlySponsorsWithTheirIdInTheTokenHaveAView() {
        given().auth().oauth2(TestTokens.forRoles("someone", "sponsor")).get("/api/sponsorship/me/children")
            .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/me/children").then().statusCode(403);
        given().auth().oauth2(Tokens.sponsor(UUID.randomUUID())).get("/api/sponsorship/me/children").then()
            .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.sponsor(UUID.randomUUID())).get("/api/sponsorship/pledges").then()
            .statusCode(403);
    }
}
