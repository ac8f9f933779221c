package ir.tehran.womenfamily.sponsorship.matching;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Matching through the API. Every sponsor here prefers district 19 and an age band no other test uses, so
 * matching never reaches another test's children.
 */
@QuarkusTest
class MatchingResourceTest {

    private static final String PREFS = "{\"districts\":[19],\"minAge\":4,\"maxAge\":5}";

    private static UUID childOf(UUID mother, int age, String gender) {
        UUID id = UUID.randomUUID();
        LocalDate birth = RegistryFeed.bornAged(age);
        RegistryFeed.sponsorshipConsent(mother, true);
        RegistryFeed.childAdded(id, mother, birth, gender, 0, 19);
        return id;
    }

    @Test
    void theNeediestChildIsOfferedFirstAndARunHoldsEachChildOnce() {
        UUID counselled = UUID.randomUUID();
        UUID selfReliant = UUID.randomUUID();
        RegistryFeed.supportLevel(counselled, "COUNSELLING");
        RegistryFeed.supportLevel(selfReliant, "SELF_RELIANT");
        UUID needy = childOf(counselled, 5, "FEMALE");
        UUID lessNeedy = childOf(selfReliant, 5, "FEMALE");
        UUID boy = childOf(selfReliant, 4, "MALE");
        RegistryFeed.awaitChildren(List.of(needy, lessNeedy, boy));
        RegistryFeed.awaitConsent(List.of(needy, lessNeedy, boy), true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + selfReliant).then()
                .statusCode(200).body("supportLevel", equalTo("SELF_RELIANT")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + counselled).then()
                .statusCode(200).body("supportLevel", equalTo("COUNSELLING")));

        UUID girlsOnly = Sponsors.newBenefactor("خیر دختران", "{\"districts\":[19],\"minAge\":4,\"maxAge\":5,"
            + "\"gender\":\"FEMALE\"}");
        UUID anyone = Sponsors.newBenefactor("خیر همه", PREFS);
        UUID late = Sponsors.newBenefactor("خیر دیرآمده", PREFS);

        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", girlsOnly).queryParam("purpose", "EDUCATION")
            .get("/api/sponsorship/matching/candidates").then().statusCode(200)
            .body("items.childId", org.hamcrest.Matchers.contains(needy.toString(), lessNeedy.toString()))
            .body("items[0].reasons", hasItem("MOTHER_COUNSELLING"))
            .body("items[0].reasons", hasItem("GENDER_PREFERENCE"));

        String run = "{\"requests\":["
            + request(girlsOnly) + "," + request(anyone) + "," + request(late) + "," + request(anyone) + "]}";
        List<String> matched = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(run)
            .post("/api/sponsorship/matching/runs").then().statusCode(200)
            .body("requested", equalTo(4)).body("matched", equalTo(3))
            .body("results[0].childId", equalTo(needy.toString()))
            .body("results[1].childId", equalTo(lessNeedy.toString()))
            .body("results[2].childId", equalTo(boy.toString()))
            .body("results[3].pledgeId", nullValue())
            .extract().jsonPath().getList("results.pledgeId");
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/pledges/" + matched.get(0)).then()
            .body("status", equalTo("PROPOSED")).body("sponsorId", equalTo(girlsOnly.toString()))
            .body("matchReasons", hasItem("MOTHER_COUNSELLING"));
        // held children are not offered again for that purpose, but are for another
        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", anyone).queryParam("purpose", "EDUCATION")
            .get("/api/sponsorship/matching/candidates").then().body("items", org.hamcrest.Matchers.hasSize(0));
        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", anyone).queryParam("purpose", "COURSE")
            .get("/api/sponsorship/matching/candidates").then().body("items", org.hamcrest.Matchers.hasSize(3))
            .body("items[2].reasons", hasItem("SPONSORED_FOR_ANOTHER_PURPOSE"));
        given().auth().oauth2(Tokens.officer()).post("/api/sponsorship/pledges/" + matched.get(1) + "/release")
            .then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", anyone).queryParam("purpose", "EDUCATION")
            .get("/api/sponsorship/matching/candidates").then().body("items.childId",
                org.hamcrest.Matchers.contains(lessNeedy.toString()));
    }

    @Test
    void aChildOfAMotherWhoLeftTheRegistryIsNotOffered() {
        UUID exited = UUID.randomUUID();
        RegistryFeed.statusChanged(exited, "ACTIVE", "EXITED");
        UUID child = childOf(exited, 4, "MALE");
        RegistryFeed.awaitChildren(List.of(child));
        RegistryFeed.awaitConsent(List.of(child), true);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + exited).then()
                .statusCode(200).body("status", equalTo("EXITED")));
        UUID sponsor = Sponsors.newBenefactor("خیر", PREFS);
        List<String> offered = given().auth().oauth2(Tokens.officer()).queryParam("sponsorId", sponsor)
            .queryParam("purpose", "GENERAL").queryParam("limit", 100)
            .get("/api/sponsorship/matching/candidates").then().statusCode(200).extract().jsonPath()
            .getList("items.childId");
        assertEquals(false, offered.contains(child.toString()));
    }

    @Test
    void aRunNamesTheRequestThatIsWrong() {
        UUID sponsor = Sponsors.newBenefactor("خیر", PREFS);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"requests\":[" + request(sponsor) + "," + request(UUID.randomUUID()) + "]}")
            .post("/api/sponsorship/matching/runs").then().statusCode(400)
            .body("errors.field", hasItem("requests[1].sponsorId"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body("{\"requests\":[]}")
            .post("/api/sponsorship/matching/runs").then().statusCode(400)
            .body("errors.field", hasItem("requests"));
    }

    private static String request(UUID sponsor) {
        return "{\"sponsorId\":\"" + sponsor + "\",\"terms\":{\"purpose\":\"EDUCATION\",\"schedule\":\"MONTHLY\","
            + "\"instalmentRials\":3000000,\"months\":6}}";
    }
}
