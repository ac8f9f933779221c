package ir.tehran.womenfamily.bazaar.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.support.jalali.JalaliDate;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The generated history (test code, not in the service's artefact): 96 past bazaars in two years, once, with
 * sales and footfall for the reports.
 */
@QuarkusTest
class HistoryGeneratorTest {

    @Inject
    HistoryGenerator generator;

    @Inject
    ir.tehran.womenfamily.support.statistics.StatisticsStore statistics;

    @Test
    void ninetySixPastBazaarsOnceAndTheirReports() {
        for (int i = 0; i < 12; i++) {
            TestData.registeredBusiness(i % 2 == 0 ? "handicrafts" : "bedding", 1 + i, i % 3 != 0);
        }
        statistics.refresh();
        long heldBefore = heldInTheLastTwoJalaliYears();
        HistoryGenerator.Summary made = generator.generate(96, 96, TestData.today());
        assertEquals(96, made.bazaars());
        assertTrue(made.salesRials() > 0);
        assertThrows(IllegalStateException.class, () -> generator.generate(96, 1402, TestData.today()));

        List<Map<String, Object>> past = given().auth().oauth2(TestData.coordinator())
            .queryParam("historical", true).queryParam("status", "CLOSED")
            .queryParam("from", TestData.today().minusDays(800).toString()).queryParam("limit", 200)
            .get("/api/bazaar/bazaars").then().statusCode(200).extract().path("items.findAll { it.historical }");
        assertEquals(96, past.size());
        assertEquals(2, past.stream().filter(b -> "EXHIBITION".equals(b.get("kind"))).count());
        // the figure of bazaars held counts those of them that began in this Jalali year or the last
        statistics.refresh();
        String since = new JalaliDate(JalaliDate.of(TestData.today()).year() - 1, 1, 1).toGregorian().toString();
        long inWindow = past.stream().filter(b -> ((String) b.get("startDate")).compareTo(since) >= 0).count();
        assertTrue(inWindow > 0);
        assertEquals(heldBefore + inWindow, heldInTheLastTwoJalaliYears());
        Number perStallDay = given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/reports/kinds")
            .then().statusCode(200).body("items.kind", hasItem("MONTHLY"))
            .extract().path("items.find { it.kind == 'MONTHLY' }.salesPerStallDay");
        assertTrue(perStallDay.longValue() > 0);
        String one = (String) past.get(past.size() - 1).get("id");
        given().auth().oauth2(TestData.partnerApp("bazaar.read")).get("/api/bazaar/reports/bazaars/" + one)
            .then().statusCode(200).body("stallDaysAssigned", greaterThan(0));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/reports/categories")
            .then().statusCode(200).body("items.category", hasItem("handicrafts"));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/reports/bazaars/" + UUID.randomUUID())
            .then().statusCode(404);
    }

    private static long heldInTheLastTwoJalaliYears() {
        List<Number> values = given().auth().oauth2(TestData.coordinator()).queryParam("district", 0)
            .queryParam("period", "last-2-years").get("/api/bazaar/statistics/bazaars-held").then().statusCode(200)
            .extract().path("items.value");
        return values.isEmpty() ? 0 : values.get(0).longValue();
    }
}
