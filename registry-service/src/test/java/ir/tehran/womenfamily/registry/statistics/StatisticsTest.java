package ir.tehran.womenfamily.registry.statistics;

import static io.restassured.RestAssured.given;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.statistics.StatisticsStore;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The registry's figures: stored cells, suppressed, for staff; the same cells as open data for anyone. */
@QuarkusTest
class StatisticsTest {

    private static final String STATISTICS = "/api/registry/statistics";

    @Inject
    StatisticsStore store;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    private final String admin = RegistryApi.admin();

    @Test
    void aDistrictWithFourWomenShowsNothingAndTheCityTotalCannotBeSubtractedToRevealThem() throws Exception {
        // a month of last Jalali year in which only these women moved up the ladder: 4 in district 3, 6 in 4, 7 in 5
        int year = JalaliDate.of(Tehran.today(clock)).year() - 1;
        String month = year + "-05";
        JalaliDate day = new JalaliDate(year, 5, 10);
        movedUp(4, 3, day);
        movedUp(6, 4, day);
        movedUp(7, 5, day);

        store.refresh();

        List<Map<String, Object>> cells = as(admin).queryParam("period", month).queryParam("limit", 200)
            .get(STATISTICS + "/support-level-moves").then().statusCode(200).extract().path("items");
        Map<String, Object> four = cell(cells, 3);
        assertEquals(true, four.get("withheld"));
        assertNull(four.get("value"));
        assertEquals(17, ((Number) cell(cells, null).get("value")).intValue());
        // the city minus the published districts is 4 + 6, not one district's women
        assertEquals(true, cell(cells, 4).get("withheld"));
        assertEquals(7, ((Number) cell(cells, 5).get("value")).intValue());
        int published = cells.stream().filter(c -> c.get("district") != null && c.get("value") != null)
            .mapToInt(c -> ((Number) c.get("value")).intValue()).sum();
        assertEquals(10, 17 - published);
        // only the stored cells are served: asking for one district gives that district's cell, withheld
        as(admin).queryParam("period", month).queryParam("district", 3).get(STATISTICS + "/support-level-moves")
            .then().statusCode(200).body("items.withheld", equalTo(List.of(true)))
            .body("items[0].value", equalTo(null));
    }

    @Test
    void theHeadlineFiguresFollowTheRegisterAndNoPublishedCellStandsForOneToFourPeople() throws Exception {
        store.refresh();
        long before = cityNow("women-served");
        RegistryApi.register(admin, "مریم", "کریمی", 9);

        store.refresh();

        assertEquals(before + 1, cityNow("women-served"));
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select count(*) from statistics_cell where not withheld and people between 1 and 4")) {
            var rs = st.executeQuery();
            rs.next();
            assertEquals(0, rs.getLong(1));
        }
        as(admin).queryParam("limit", 50).get(STATISTICS).then().statusCode(200)
            .body("items.id", hasItems("women-served", "children-covered", "businesses", "centres",
                "support-level-moves", "production-orders", "production-hours", "production-pay", "agency-support",
                "services-received", "moves-citing-services", "mothers-freed"))
            .body("items.find { it.id == 'women-served' }.titleFa", notNullValue())
            .body("items.find { it.id == 'women-served' }.refreshedAtJalali", startsWith("14"));
        as(admin).get(STATISTICS + "/no-such-figure").then().statusCode(404);
        as(RegistryApi.caseworker("reader", 5)).get(STATISTICS + "/centres").then().statusCode(200);
    }

    @Test
    void openDataIsTheSameSuppressedCellsForAnyoneAsJsonOrCsv() {
        store.refresh();
        String csv = given().accept("text/csv").get("/api/registry/open-data/women-served").then().statusCode(200)
            .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.startsWith("figure,district,period,series,value,withheld\r\n"), csv);
        assertTrue(csv.contains("\r\nwomen-served,,now,,"), csv);
        assertEquals(csv, given().get("/api/registry/open-data/women-served.csv").then().statusCode(200)
            .extract().asString());
        List<Map<String, Object>> json = given().get("/api/registry/open-data/women-served").then().statusCode(200)
            .body("figure.id", equalTo("women-served")).extract().path("cells");
        assertEquals(csv.split("\r\n").length - 1, json.size());
        assertFalse(json.get(0).containsKey("people"));
        given().get("/api/registry/open-data/women-served.json").then().statusCode(200)
            .body("cells.size()", equalTo(json.size()));
        given().get("/api/registry/open-data/nothing.csv").then().statusCode(404);
    }

    private long cityNow(String figure) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select people from statistics_cell where figure = ? and district = 0 and period = 'now'")) {
            st.setString(1, figure);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Object> cell(List<Map<String, Object>> cells, Integer district) {
        return cells.stream().filter(c -> "UP".equals(c.get("series")))
            .filter(c -> java.util.Objects.equals(c.get("district"), district)).findFirst().orElseThrow();
    }

    /** Women of a district registered now whose level went up on a day of last year (the history as written). */
    private void movedUp(int women, int district, JalaliDate day) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "insert into beneficiary_history (beneficiary_id, kind, from_value, to_value, changed_by, changed_at)"
                    + " values (?, 'SUPPORT_LEVEL', 'COUNSELLING', 'TRAINING', 'statistics-test', ?)")) {
            for (int i = 0; i < women; i++) {
                st.setObject(1, UUID.fromString(RegistryApi.register(admin, "زهرا", "رضایی", district)));
                st.setTimestamp(2, Timestamp.from(Tehran.startOf(day.toGregorian()).plusSeconds(43_200)));
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
