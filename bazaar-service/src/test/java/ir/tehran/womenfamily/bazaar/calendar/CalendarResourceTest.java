package ir.tehran.womenfamily.bazaar.calendar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.support.jalali.Days;
import org.junit.jupiter.api.Test;

/** The public calendar: no token, filters, Jalali dates, categories not people, and a phone's cache. */
@QuarkusTest
class CalendarResourceTest {

    private static final String TAJRISH = "0b6d3c52-5a39-4d0e-9a7e-000000000003";
    private static final String GOFTOGU = "0b6d3c52-5a39-4d0e-9a7e-000000000001";

    @Test
    void upcomingBazaarsByMetroStationDistrictOrNearAPointWithTheirCategories() {
        LocalDate day = TestData.today();
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("kind", "MONTHLY");
        body.put("nameFa", "بازارچهٔ تجریش");
        body.put("nameEn", "Tajrish bazaar");
        body.put("startDate", day.plusDays(700).toString());
        body.put("endDate", day.plusDays(700).toString());
        body.put("venues", List.of(Map.of("venueId", TAJRISH, "stallsPerDay", 1), Map.of("venueId", GOFTOGU,
            "stallsPerDay", 1)));
        String bazaar = given().auth().oauth2(TestData.coordinator()).contentType("application/json").body(body)
            .post("/api/bazaar/bazaars").then().statusCode(201).extract().path("id");
        String from = day.plusDays(690).toString();
        given().queryParam("metro", "tajrish").queryParam("from", from).get("/api/bazaar/calendar")
            .then().statusCode(200).body("items.bazaarId", not(hasItem(bazaar)));
        TestData.move(bazaar, "OPEN");

        given().queryParam("metro", "تجريش").queryParam("from", from).get("/api/bazaar/calendar")
            .then().statusCode(200).body("items.bazaarId", hasItem(bazaar))
            .body("items.find { it.bazaarId == '" + bazaar + "' }.venues.size()", equalTo(1))
            .body("items.find { it.bazaarId == '" + bazaar + "' }.startDateJalali",
                equalTo(Days.jalali(day.plusDays(700))));
        given().queryParam("district", 2).queryParam("from", from).get("/api/bazaar/calendar")
            .then().statusCode(200).body("items.find { it.bazaarId == '" + bazaar + "' }.venues[0].nameFa",
                equalTo("بوستان گفتگو"));
        given().queryParam("lat", 35.8045).queryParam("lon", 51.4339).queryParam("radiusKm", 1)
            .queryParam("from", from).get("/api/bazaar/calendar")
            .then().statusCode(200).body("items.find { it.bazaarId == '" + bazaar + "' }.venues[0].venueId",
                equalTo(TAJRISH));
        given().queryParam("lat", 35.8).get("/api/bazaar/calendar").then().statusCode(400)
            .body("errors.field", hasItem("lon"));
    }

    @Test
    void aPhoneWithTheCurrentTagGets304AndNoBody() {
        Response first = given().queryParam("district", 22).get("/api/bazaar/calendar");
        first.then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"));
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""));
        Response again = given().queryParam("district", 22).header("If-None-Match", etag)
            .get("/api/bazaar/calendar");
        assertEquals(304, again.statusCode());
        assertEquals("", again.body().asString());
        given().queryParam("district", 22).header("If-None-Match", "\"" + UUID.randomUUID() + "\"")
            .get("/api/bazaar/calendar").then().statusCode(200).header("ETag", equalTo(etag));
        String other = given().queryParam("district", 21).get("/api/bazaar/calendar").header("ETag");
        assertTrue(other != null);
    }

    @Test
    void whatChangesTheCategoriesAtAVenueMovesTheBazaarsEntrySoAPhoneSyncsIt() throws Exception {
        LocalDate day = TestData.today().plusDays(720);
        String venue = TestData.venue(2, 0, 0, 9);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID business = TestData.registeredBusiness("candles", 9, true);
        TestData.apply(bazaar, business, List.of(venue), List.of(day), 1);
        TestData.move(bazaar, "ALLOCATING");
        String run = TestData.allocate(bazaar, Map.of("seed", 3, "timeLimitSeconds", 1));
        given().auth().oauth2(TestData.coordinator()).post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run
            + "/publish").then().statusCode(200);

        // the producer's category changes (the registry's business.updated): the entry changed with it
        java.time.Instant before = updatedAt(bazaar);
        execute("update producer set category = 'pottery' where business_id = '" + business + "'");
        java.time.Instant afterCategory = updatedAt(bazaar);
        assertTrue(afterCategory.isAfter(before), before + " then " + afterCategory);
        // her stall released: the venue no longer sells what she sold
        execute("update assignment set status = 'RELEASED' where business_id = '" + business + "' and run_id = '"
            + run + "'");
        assertTrue(updatedAt(bazaar).isAfter(afterCategory));
        // a change that leaves the categories as they are does not move it
        java.time.Instant released = updatedAt(bazaar);
        execute("update assignment set status = 'NO_SHOW' where business_id = '" + business + "' and run_id = '"
            + run + "'");
        assertEquals(released, updatedAt(bazaar));
    }

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private java.time.Instant updatedAt(String bazaar) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select updated_at from bazaar where id = '" + bazaar + "'")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private void execute(String sql) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
