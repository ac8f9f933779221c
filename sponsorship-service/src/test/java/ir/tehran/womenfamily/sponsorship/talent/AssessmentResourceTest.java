package ir.tehran.womenfamily.sponsorship.talent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentResourceTest {

    private static String path(UUID child) {
        return "/api/sponsorship/children/" + child + "/assessments";
    }

    private static String body(String dateField, String date, boolean gifted, String scores) {
        return "{\"" + dateField + "\":\"" + date + "\",\"assessor\":\"مشاور استعدادیابی\",\"scores\":" + scores
            + ",\"notes\":\"علاقه‌مند به رياضي\",\"giftedCandidate\":" + gifted + "}";
    }

    @Test
    void assessmentsAreRecordedInEitherCalendarAndTheFlagFollowsTheLatest() {
        UUID child = RegistryFeed.newChild(12, "FEMALE", 8);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(body("assessedOn", "۱۴۰۳/۰۷/۱۴", true, "{\"MATHEMATICS\":95,\"ARTS\":60,\"SPORT\":88}"))
            .post(path(child)).then().statusCode(201)
            .body("assessedOn", equalTo("2024-10-05"))
            .body("assessedOnJalali", equalTo("1403-07-14"))
            .body("scores.MATHEMATICS", equalTo(95))
            .body("strengths", contains("MATHEMATICS", "SPORT"))
            .body("notes", equalTo("علاقه‌مند به ریاضی"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child).then()
            .body("giftedCandidate", equalTo(true));

        // an older assessment recorded later does not override the latest
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(body("assessedOn", "2024-01-10", false, "{\"MATHEMATICS\":70}"))
            .post(path(child)).then().statusCode(201);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child).then()
            .body("giftedCandidate", equalTo(true));

        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(body("assessedOn", "2025-01-10", false, "{\"MATHEMATICS\":72}"))
            .post(path(child)).then().statusCode(201);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + child).then()
            .body("giftedCandidate", equalTo(false));
        given().auth().oauth2(Tokens.officer()).get(path(child)).then().statusCode(200)
            .body("items", hasSize(3)).body("items[0].assessedOn", equalTo("2025-01-10"));
        given().auth().oauth2(Tokens.officer()).queryParam("giftedCandidate", false).queryParam("district", 8)
            .queryParam("limit", 200).get("/api/sponsorship/children").then()
            .body("items.id", hasItem(child.toString()));
    }

    @Test
    void invalidAssessmentsAre400sNamingTheirFields() {
        UUID child = RegistryFeed.newChild(11, "MALE", 8);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body("assessedOn", "2024-10-05", false, "{\"MATHEMATICS\":101}"))
            .post(path(child)).then().statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("scores.MATHEMATICS"));
        // the former Jalali twin is refused, telling where the date goes now
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body("{\"assessedOn\":\"2024-10-05\",\"assessedOnJalali\":\"1403-07-14\",\"assessor\":\"x\","
                + "\"scores\":{\"ARTS\":50},\"giftedCandidate\":false}")
            .post(path(child)).then().statusCode(400)
            .body("errors.field", hasItem("assessedOnJalali"))
            .body("errors[0].message", org.hamcrest.Matchers.containsString("assessedOn"));
        // a day that does not exist (Esfand 1403 has 30 days), in either form, is a 400 on the one field
        for (String noSuchDay : new String[] {"1403/12/31", "2025-02-30"}) {
            given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
                .body("{\"assessedOn\":\"" + noSuchDay + "\",\"assessor\":\"x\",\"scores\":{\"ARTS\":50},"
                    + "\"giftedCandidate\":false}")
                .post(path(child)).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("/validation"))
                .body("errors.field", hasItem("assessedOn"));
        }
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"assessor\":\"\",\"scores\":{},\"giftedCandidate\":null}")
            .post(path(child)).then().statusCode(400)
            .body("errors.field", org.hamcrest.Matchers.hasItems("assessor", "scores", "giftedCandidate"));
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(body("assessedOn", "2024-10-05", false, "{\"ASTROLOGY\":50}"))
            .post(path(child)).then().statusCode(400);
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body(body("assessedOn", "2024-10-05", false, "{\"ARTS\":50}"))
            .post(path(UUID.randomUUID())).then().statusCode(404);
    }
}
