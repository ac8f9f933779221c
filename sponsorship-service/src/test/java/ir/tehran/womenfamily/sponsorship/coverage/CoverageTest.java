package ir.tehran.womenfamily.sponsorship.coverage;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Sponsors;
import ir.tehran.womenfamily.sponsorship.Tokens;
import org.junit.jupiter.api.Test;

/** Needs open against needs met. District 17 belongs to this test alone. */
@QuarkusTest
class CoverageTest {

    private static Map<String, Object> row(String purpose) {
        List<Map<String, Object>> rows = given().auth().oauth2(Tokens.officer()).queryParam("district", 17)
            .get("/api/sponsorship/coverage").then().statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().filter(r -> purpose.equals(r.get("purpose"))).findFirst().orElse(Map.of());
    }

    private static long num(Map<String, Object> row, String field) {
        Object v = row.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }

    @Test
    void needsOpenAndMetByDistrictAndPurposeAndPerSponsor() {
        Map<String, Object> before = row("EDUCATION");
        Map<String, Object> coursesBefore = row("COURSE");
        List<UUID> children = RegistryFeed.newChildren(3, 14, "FEMALE", 17);
        UUID sponsor = Sponsors.newBenefactor("خیر پوشش", null);
        UUID pledge = Sponsors.sponsor(sponsor, children.get(0), "EDUCATION", 8_000_000);
        Sponsors.receive(pledge, 2_000_000);
        String programme = given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"kind\":\"TUTORING\",\"title\":\"فیزیک\",\"capacity\":9,\"startsOn\":\"" + RegistryFeed.today()
                + "\",\"endsOn\":\"" + RegistryFeed.today().plusDays(40) + "\",\"feeRials\":900000}")
            .post("/api/sponsorship/programmes").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.officer()).contentType(ContentType.JSON)
            .body("{\"childId\":\"" + children.get(1) + "\"}")
            .post("/api/sponsorship/programmes/" + programme + "/enrolments").then().statusCode(201);

        Map<String, Object> after = row("EDUCATION");
        assertEquals(num(before, "needs") + 3, num(after, "needs"));
        assertEquals(num(before, "met") + 1, num(after, "met"));
        assertEquals(num(before, "open") + 2, num(after, "open"));
        assertEquals(num(before, "pledgedRials") + 8_000_000, num(after, "pledgedRials"));
        assertEquals(num(before, "receivedRials") + 2_000_000, num(after, "receivedRials"));
        Map<String, Object> courses = row("COURSE");
        assertEquals(num(coursesBefore, "needs") + 1, num(courses, "needs"));
        assertEquals(num(coursesBefore, "open") + 1, num(courses, "open"));

        Map<String, Object> hers = sponsorRow(sponsor);
        assertEquals(1, hers.get("activeSponsorships"));
        assertEquals(2_000_000, hers.get("receivedRials"));
    }

    @Test
    void aPartnerApplicationReadsTheAggregatesOnlyWithItsScope() {
        given().auth().oauth2(Tokens.partnerApp(null)).get("/api/sponsorship/coverage").then().statusCode(403)
            .contentType("application/problem+json");
        given().auth().oauth2(Tokens.partnerApp("registry.basic.read")).get("/api/sponsorship/coverage").then()
            .statusCode(403);
        given().auth().oauth2(Tokens.partnerApp("bazaar.read sponsorship.coverage.read"))
            .get("/api/sponsorship/coverage").then().statusCode(200);
        given().auth().oauth2(Tokens.partnerApp("sponsorship.coverage.read"))
            .get("/api/sponsorship/coverage/sponsors").then().statusCode(403);
    }

    /** The sponsor's row of the per-sponsor coverage, read page by page. */
    private static Map<String, Object> sponsorRow(UUID sponsor) {
        String cursor = null;
        do {
            var page = given().auth().oauth2(Tokens.officer()).queryParam("limit", 200)
                .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                .get("/api/sponsorship/coverage/sponsors").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> rows = page.getList("items");
            for (Map<String, Object> row : rows) {
                if (sponsor.toString().equals(row.get("sponsorId"))) {
                    return row;
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("no coverage row for sponsor " + sponsor);
    }
}
