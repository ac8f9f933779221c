package ir.tehran.womenfamily.sponsorship.statistics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.sponsorship.Tokens;
import ir.tehran.womenfamily.support.statistics.StatisticsStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Sponsorship's figures: coverage splits the roster into sponsored and not; no published cell is one child. */
@QuarkusTest
class StatisticsTest {

    @Inject
    StatisticsStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void coverageSplitsTheRosterAndNoPublishedCellStandsForOneToFourChildren() throws Exception {
        store.refresh();

        List<Map<String, Object>> city = given().auth().oauth2(Tokens.officer()).queryParam("district", 0)
            .queryParam("period", "now").get("/api/sponsorship/statistics/sponsorship-coverage").then()
            .statusCode(200).extract().path("items");
        long roster = number("select count(*) from child where removed_at is null and aged_out_on is null");
        Optional<Map<String, Object>> all = city.stream().filter(c -> c.get("series") == null).findFirst();
        if (roster == 0) {
            assertTrue(all.isEmpty(), city::toString);
        } else if (roster < 5) {
            assertEquals(true, all.orElseThrow().get("withheld"));
        } else {
            assertEquals(roster, ((Number) all.orElseThrow().get("value")).longValue());
        }
        assertEquals(0, number("select count(*) from statistics_cell where not withheld and people between 1 and 4"));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/statistics").then().statusCode(200)
            .body("items.id", hasItems("academic-lag", "sponsorship-coverage"));
        String csv = given().accept("text/csv").get("/api/sponsorship/open-data/sponsorship-coverage").then()
            .statusCode(200).extract().asString();
        assertTrue(csv.startsWith("figure,district,period,series,value,withheld"), csv);
    }

    private long number(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
