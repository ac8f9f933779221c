package ir.tehran.womenfamily.sponsorship.risk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.PublishedEvents;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/** Report cards feed the explainable at-risk rule; officers get the list by district. District 14 is ours. */
@QuarkusTest
class EarlyWarningTest {

    /** Records a report card; replacing one (200) sends the ETag of the report card it read. */
    private static void report(UUID child, int year, int term, String grades, int schoolDays, int absent,
            int status) {
        String url = "/api/sponsorship/children/" + child + "/term-reports/" + year + "/" + term;
        String etag = status == 200
            ? given().auth().oauth2(Tokens.officer()).get(url).then().statusCode(200).extract().header("ETag") : null;
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .headers(etag == null ? java.util.Map.of() : java.util.Map.of("If-Match", etag))
            .body("{\"grades\":" + grades + ",\"schoolDays\":" + schoolDays + ",\"absentDays\":" + absent + "}")
            .put("/api/sponsorship/children/" + child + "/term-reports/" + year + "/" + term)
            .then().statusCode(status);
    }

    @Test
    void aFallingAverageFlagsHerWithTheReasonAndSheIsReportedOnce() {
        UUID child = RegistryFeed.newChild(13, "FEMALE", 14);
        report(child, 1402, 2, "{\"MATHEMATICS\":18,\"PERSIAN_LITERATURE\":17.5,\"ENGLISH\":18.5}", 100, 2, 201);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/risk").then()
            .statusCode(200).body("atRisk", equalTo(false));

        report(child, 1403, 1, "{\"MATHEMATICS\":14,\"PERSIAN_LITERATURE\":15,\"ENGLISH\":16}", 100, 3, 201);
        given().auth().oauth2(Tokens.officer()).header("Accept-Language", "en")
            .get("/api/sponsorship/children/" + child + "/risk").then().statusCode(200)
            .body("atRisk", equalTo(true))
            .body("academicYear", equalTo(1403)).body("term", equalTo(1))
            .body("reasons[0].code", equalTo("AVERAGE_DROP"))
            .body("reasons[0].previous", equalTo(18.0f))
            .body("reasons[0].value", equalTo(15.0f))
            .body("reasons[0].explanation", equalTo("The average fell from 18 to 15, a drop of more than 2 points"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/risk").then()
            .body("reasons[0].explanation", containsString("میانگین نمره‌ها از 18 به 15"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child).then()
            .body("atRisk", equalTo(true));

        JsonNode flagged = PublishedEvents.await("sponsorship.child", child.toString(), "child.flagged-at-risk");
        assertEquals("AVERAGE_DROP", flagged.get("reasons").get(0).asText());
        assertEquals(14, flagged.get("district").asInt());
        assertEquals(1403, flagged.get("academicYear").asInt());

        // still at risk next term: no second event; correcting the term to good grades clears her
        report(child, 1403, 2, "{\"MATHEMATICS\":9,\"PERSIAN_LITERATURE\":15,\"ENGLISH\":16}", 100, 3, 201);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/risk").then()
            .body("reasons[0].code", equalTo("CORE_SUBJECT_BELOW_PASS"))
            .body("reasons[0].subject", equalTo("MATHEMATICS"));
        report(child, 1403, 2, "{\"MATHEMATICS\":16,\"PERSIAN_LITERATURE\":15,\"ENGLISH\":16}", 100, 3, 200);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/risk").then()
            .body("atRisk", equalTo(false));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/history").then()
            .body("items.kind", hasItem("RISK_FLAGGED")).body("items.kind", hasItem("RISK_CLEARED"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child + "/term-reports").then()
            .statusCode(200).body("items[0].academicYear", equalTo(1403)).body("items[0].term", equalTo(2))
            .body("items[0].average", equalTo(15.67f));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
            PublishedEvents.all("sponsorship.child", child.toString(), "child.flagged-at-risk").size() == 1);
    }

    @Test
    void theAtRiskListIsByDistrictAndShowsOnlyActiveFlaggedChildren() {
        List<UUID> children = RegistryFeed.newChildren(2, 10, "MALE", 14);
        UUID elsewhere = RegistryFeed.newChild(10, "MALE", 16);
        UUID fine = RegistryFeed.newChild(10, "FEMALE", 14);
        for (UUID c : List.of(children.get(0), children.get(1), elsewhere)) {
            report(c, 1403, 1, "{\"MATHEMATICS\":12,\"SCIENCES\":13}", 80, 20, 201);
        }
        report(fine, 1403, 1, "{\"MATHEMATICS\":19,\"SCIENCES\":19}", 80, 1, 201);
        RegistryFeed.childRemoved(children.get(1), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + children.get(1)).then()
                .body("status", equalTo("REMOVED")));

        given().auth().oauth2(Tokens.officer()).queryParam("district", 14).queryParam("limit", 200)
            .get("/api/sponsorship/at-risk").then().statusCode(200)
            .body("items.childId", hasItem(children.get(0).toString()))
            .body("items.childId", not(hasItem(children.get(1).toString())))
            .body("items.childId", not(hasItem(elsewhere.toString())))
            .body("items.childId", not(hasItem(fine.toString())))
            .body("items.find { it.childId == '" + children.get(0) + "' }.reasons[0].code", equalTo("HIGH_ABSENCE"));
        given().auth().oauth2(Tokens.caseworker()).get("/api/sponsorship/at-risk").then().statusCode(403);
    }

    @Test
    void anImpossibleReportCardIsA400NamingTheField() {
        UUID child = RegistryFeed.newChild(9, "FEMALE", 14);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body("{\"grades\":{\"MATHEMATICS\":20.5},\"schoolDays\":90,\"absentDays\":2}")
            .put("/api/sponsorship/children/" + child + "/term-reports/1403/1")
            .then().statusCode(400).body("errors.field", hasItem("grades.MATHEMATICS"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"grades\":{\"MATHEMATICS\":15.125},\"schoolDays\":90,\"absentDays\":2}")
            .put("/api/sponsorship/children/" + child + "/term-reports/1403/1")
            .then().statusCode(400).body("errors.field", hasItem("grades.MATHEMATICS"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"grades\":{\"MATHEMATICS\":15},\"schoolDays\":90,\"absentDays\":91}")
            .put("/api/sponsorship/children/" + child + "/term-reports/1403/1")
            .then().statusCode(400).body("errors.field", hasItem("absentDays"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"grades\":{\"MATHEMATICS\":15},\"schoolDays\":90,\"absentDays\":1}")
            .put("/api/sponsorship/children/" + child + "/term-reports/1403/4")
            .then().statusCode(400).body("errors.field", hasItem("term"));
    }

    @Test
    void aReportCardIsReplacedOnlyWithItsCurrentETag() {
        UUID child = RegistryFeed.newChild(12, "FEMALE", 14);
        String url = "/api/sponsorship/children/" + child + "/term-reports/1403/1";
        String card = "{\"grades\":{\"MATHEMATICS\":15},\"schoolDays\":90,\"absentDays\":1}";
        String created = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(card).put(url)
            .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith(url)).extract().header("ETag");
        given().auth().oauth2(Tokens.officer()).header("If-None-Match", created).get(url).then().statusCode(304);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).body(card).put(url).then()
            .statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", created)
            .body(card.replace("15", "16")).put(url).then().statusCode(200);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("If-Match", created)
            .body(card.replace("15", "17")).put(url).then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer()).get(url).then().statusCode(200)
            .body("grades.MATHEMATICS", equalTo(16.0f));
    }
}
