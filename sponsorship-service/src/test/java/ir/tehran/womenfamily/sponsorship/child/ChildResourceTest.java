package ir.tehran.womenfamily.sponsorship.child;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChildResourceTest {

    private static final String PATH = "/api/sponsorship/children";

    @Test
    void theRosterIsListedByDistrictAndStatus() {
        UUID inTen = RegistryFeed.newChild(8, "MALE", 10);
        UUID inTwenty = RegistryFeed.newChild(8, "MALE", 20);
        given().auth().oauth2(Tokens.officer()).queryParam("district", 10).queryParam("status", "ACTIVE")
            .queryParam("limit", 200)
            .get(PATH).then().statusCode(200)
            .body("items.id", hasItem(inTen.toString()))
            .body("items.id", not(hasItem(inTwenty.toString())))
            .body("items.district", everyItem(equalTo(10)))
            .body("total", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theRosterShowsTheFirstNameInitialAndNothingMoreOfTheName() {
        UUID withInitial = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        RegistryFeed.send(RegistryFeed.CHILD_TOPIC, withInitial.toString(), "child.added", RegistryFeed.childJson(
            withInitial, UUID.randomUUID(), "\u0622", RegistryFeed.bornAged(9), "FEMALE", 3, 14));
        // an event written before the registry sent initials
        RegistryFeed.send(RegistryFeed.CHILD_TOPIC, older.toString(), "child.added", RegistryFeed.childJson(
            older, UUID.randomUUID(), null, RegistryFeed.bornAged(9), "MALE", 3, 14));
        RegistryFeed.awaitChildren(java.util.List.of(withInitial, older));
        // alef with madda is folded to alef, as the registry folds names
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + withInitial).then().statusCode(200)
            .body("firstNameInitial", equalTo("\u0627"));
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + older).then().statusCode(200)
            .body("firstNameInitial", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.officer()).queryParam("district", 14).queryParam("limit", 200).get(PATH).then()
            .statusCode(200).body("items.find { it.id == '" + withInitial + "' }.firstNameInitial", equalTo("\u0627"));

        // a later event brings the initial to the child who had none
        RegistryFeed.send(RegistryFeed.CHILD_TOPIC, older.toString(), "child.updated", RegistryFeed.childJson(
            older, UUID.randomUUID(), "\u0628", RegistryFeed.bornAged(9), "MALE", 3, 14));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get(PATH + "/" + older).then().statusCode(200)
                .body("firstNameInitial", equalTo("\u0628")));
    }

    @Test
    void theSchoolOfHerLatestReportCardIsShownFolded() {
        UUID child = RegistryFeed.newChild(10, "FEMALE", 8);
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + child).then().statusCode(200)
            .body("school", org.hamcrest.Matchers.nullValue());
        String[][] cards = {
            {"1402/3", "\u062F\u0628\u0633\u062A\u0627\u0646 \u0643\u0648\u062B\u0631"},
            {"1403/1", "\u062F\u0628\u0633\u062A\u0627\u0646 \u067E\u0631\u0648\u064A\u0646"}};
        for (String[] card : cards) {
            given().auth().oauth2(Tokens.officer()).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"grades\":{\"MATHEMATICS\":16},\"schoolDays\":90,\"absentDays\":1,\"schoolName\":\""
                    + card[1] + "\"}")
                .put(PATH + "/" + child + "/term-reports/" + card[0]).then().statusCode(201);
        }
        // the Arabic yeh of the latest card is folded to the Persian one
        given().auth().oauth2(Tokens.officer()).get(PATH + "/" + child).then().statusCode(200)
            .body("school", equalTo("\u062F\u0628\u0633\u062A\u0627\u0646 \u067E\u0631\u0648\u06CC\u0646"));
        given().auth().oauth2(Tokens.officer()).contentType(io.restassured.http.ContentType.JSON)
            .body("{\"grades\":{\"MATHEMATICS\":16},\"schoolDays\":90,\"absentDays\":1,\"schoolName\":\""
                + "x".repeat(201) + "\"}")
            .put(PATH + "/" + child + "/term-reports/1403/2").then().statusCode(400)
            .body("errors.field", hasItem("schoolName"));
    }

    @Test
    void aBadFilterIsA400NamingTheParameter() {
        given().auth().oauth2(Tokens.officer()).header("Accept-Language", "en").queryParam("district", 23)
            .get(PATH).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("district"));
        given().auth().oauth2(Tokens.officer()).queryParam("limit", 0)
            .get(PATH).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("limit"));
        given().auth().oauth2(Tokens.officer()).queryParam("cursor", "not-a-cursor")
            .get(PATH).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("cursor"));
    }

    @Test
    void anUnknownChildIs404InTheAskedLanguage() {
        given().auth().oauth2(Tokens.officer()).header("Accept-Language", "en")
            .get(PATH + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json")
            .body("title", equalTo("Not found"));
        given().auth().oauth2(Tokens.officer())
            .get(PATH + "/" + UUID.randomUUID()).then().statusCode(404)
            .body("title", equalTo("پیدا نشد"));
    }

    @Test
    void aTokenIssuedInTheFutureIs401() {
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer")
                .issuedAt(java.time.Instant.now().plus(java.time.Duration.ofMinutes(10))).sign())
            .get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").sign()).get(PATH).then()
            .statusCode(200);
    }

    @Test
    void eachCauseOfA401AloneAndA403ForTheWrongRole() {
        String path = PATH + "/" + UUID.randomUUID();
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").expired().sign())
            .get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").signedByForeignKey().sign())
            .get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.token().groups("sponsorship-officer").issuer("https://elsewhere.example")
            .sign()).get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.caseworker()).get(path).then().statusCode(403)
            .contentType("application/problem+json");
        given().auth().oauth2(Tokens.sponsor(UUID.randomUUID())).get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.partnerApp("sponsorship.coverage.read")).get(path).then().statusCode(403);
    }
}
