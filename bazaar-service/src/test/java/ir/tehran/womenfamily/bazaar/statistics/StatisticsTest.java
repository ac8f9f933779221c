package ir.tehran.womenfamily.bazaar.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.support.statistics.StatisticsStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The bazaar's figures: the exhibition's venues and area follow the venues; the same cells as open data. */
@QuarkusTest
class StatisticsTest {

    @Inject
    StatisticsStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theExhibitionsVenuesAndAreaFollowTheVenuesByDistrict() throws Exception {
        TestData.venue(10, 2, 1, 13);
        store.refresh();

        assertEquals(number("select count(*) from venue where district = 13"), value("exhibition-venues", 13));
        assertEquals(number("select sum(area_m2) from venue where district = 13"), value("exhibition-area", 13));
        assertEquals(number("select count(*) from venue"), value("exhibition-venues", null));
        assertEquals(number("select sum(area_m2) from venue"), value("exhibition-area", null));
        given().auth().oauth2(TestData.coordinator()).queryParam("limit", 50).get("/api/bazaar/statistics").then()
            .statusCode(200).body("items.id", hasItems("bazaars-held", "exhibition-venues", "exhibition-area",
                "producers-with-opportunities", "opportunity-gini"));
        given().auth().oauth2(TestData.producer()).get("/api/bazaar/statistics").then().statusCode(403);
        String csv = given().get("/api/bazaar/open-data/exhibition-area.csv").then().statusCode(200).extract()
            .asString();
        assertTrue(csv.contains("\r\nexhibition-area,13,now,,"), csv);
    }

    @Test
    void aPastBazaarTakenThroughItsLifecycleIsHeldInItsPeriod() {
        store.refresh();
        long before = held();
        String venue = TestData.venue(4, 1, 0, 14);
        LocalDate start = TestData.today().minusDays(40);
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "MONTHLY");
        body.put("nameFa", "بازارچهٔ گذشته");
        body.put("nameEn", "A past bazaar");
        body.put("startDate", start.toString());
        body.put("endDate", start.plusDays(2).toString());
        body.put("applicationsOpen", start.minusDays(20).toString());
        body.put("applicationsClose", start.minusDays(1).toString());
        body.put("venues", List.of(Map.of("venueId", venue)));
        String bazaar = given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(body)
            .post("/api/bazaar/bazaars").then().statusCode(201).extract().path("id");
        TestData.move(bazaar, "OPEN");
        store.refresh();
        assertEquals(before, held(), "opened, not yet held");

        TestData.move(bazaar, "ALLOCATING");
        String run = TestData.allocate(bazaar, Map.of("method", "GREEDY"));
        given().auth().oauth2(TestData.coordinator()).post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run
            + "/publish").then().statusCode(200);
        TestData.move(bazaar, "RUNNING");
        TestData.move(bazaar, "CLOSED");
        store.refresh();

        assertEquals(before + 1, held());
    }

    private static long held() {
        List<Number> values = given().auth().oauth2(TestData.coordinator()).queryParam("district", 0)
            .queryParam("period", "last-2-years").get("/api/bazaar/statistics/bazaars-held").then().statusCode(200)
            .extract().path("items.value");
        return values.isEmpty() ? 0 : values.get(0).longValue();
    }

    private static long value(String figure, Integer district) {
        List<Map<String, Object>> cells = given().auth().oauth2(TestData.coordinator())
            .queryParam("district", district == null ? 0 : district).queryParam("period", "now")
            .get("/api/bazaar/statistics/" + figure).then().statusCode(200).extract().path("items");
        assertEquals(1, cells.size(), cells::toString);
        return ((Number) cells.get(0).get("value")).longValue();
    }

    private long number(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
