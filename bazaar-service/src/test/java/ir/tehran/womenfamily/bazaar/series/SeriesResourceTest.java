package ir.tehran.womenfamily.bazaar.series;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import org.junit.jupiter.api.Test;

/** A series generates its bazaars in Jalali terms and never double-books a venue's stalls. */
@QuarkusTest
class SeriesResourceTest {

    private static Map<String, Object> monthly(String venue, int year, int stalls) {
        Map<String, Object> b = new HashMap<>();
        b.put("nameFa", "بازارچهٔ ماهانه");
        b.put("nameEn", "Monthly bazaar");
        b.put("kind", "MONTHLY");
        b.put("rule", "MONTHLY");
        b.put("fromYear", year);
        b.put("toYear", year);
        b.put("dayOfMonth", 10);
        b.put("durationDays", 2);
        b.put("venueIds", List.of(venue));
        b.put("stallsPerDay", stalls);
        return b;
    }

    @Test
    void twelveMonthlyBazaarsAndASecondSeriesGetsOnlyWhatIsLeft() {
        int next = JalaliDate.of(TestData.today()).year() + 1;
        String venue = TestData.venue(5, 1, 0, 11);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(monthly(venue, next, 3))
            .post("/api/bazaar/series").then().statusCode(201)
            .body("bazaars", hasSize(12)).body("skipped", hasSize(0))
            .body("bazaars[0].startDateJalali", equalTo(next + "-01-10"))
            .body("bazaars[0].stallDays", equalTo(6));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(monthly(venue, next, 3))
            .post("/api/bazaar/series").then().statusCode(201)
            .body("bazaars", hasSize(12)).body("bazaars[0].stallDays", equalTo(4));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(monthly(venue, next, 3))
            .post("/api/bazaar/series").then().statusCode(201)
            .body("bazaars", hasSize(0)).body("skipped", hasSize(12));
    }

    @Test
    void aNewSeriesIsAt201sLocationWithTheBazaarsItGenerated() {
        int next = JalaliDate.of(TestData.today()).year() + 1;
        io.restassured.response.Response created = given().auth().oauth2(TestData.coordinator())
            .contentType(ContentType.JSON).body(monthly(TestData.venue(7, 1, 0, 11), next, 1))
            .post("/api/bazaar/series");
        created.then().statusCode(201);
        String id = created.path("id");
        String location = created.header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.endsWith("/api/bazaar/series/" + id), location);
        given().auth().oauth2(TestData.coordinator()).get(location).then().statusCode(200)
            .body("id", equalTo(id)).body("bazaars", hasSize(12))
            .body("bazaars[0].bazaarId", equalTo(created.path("bazaars[0].bazaarId")))
            .body("bazaars[0].stallDays", equalTo(2));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/series/" + java.util.UUID.randomUUID())
            .then().statusCode(404);
    }

    @Test
    void yaldaNeedsItsOccasionAndAnEndAfterItsStart() {
        Map<String, Object> yalda = monthly(TestData.venue(2, 0, 0, 11), 1410, 1);
        yalda.put("rule", "YALDA");
        yalda.put("kind", "OCCASION");
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(yalda)
            .header("Accept-Language", "en").post("/api/bazaar/series").then().statusCode(400)
            .body("errors.field", hasItem("occasion"));
        yalda.put("occasion", "yalda");
        yalda.put("toYear", 1409);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(yalda)
            .post("/api/bazaar/series").then().statusCode(400).body("errors.field", hasItem("toYear"));
        yalda.put("toYear", 1411);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(yalda)
            .post("/api/bazaar/series").then().statusCode(201).body("bazaars", hasSize(2))
            .body("bazaars[0].endDateJalali", equalTo("1410-09-30"));
        given().auth().oauth2(TestData.producer(java.util.UUID.randomUUID())).contentType(ContentType.JSON)
            .body(yalda).post("/api/bazaar/series").then().statusCode(403);
    }
}
