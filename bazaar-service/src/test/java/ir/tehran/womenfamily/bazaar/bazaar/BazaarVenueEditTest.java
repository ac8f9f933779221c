package ir.tehran.womenfamily.bazaar.bazaar;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.support.jalali.Days;
import org.junit.jupiter.api.Test;

/**
 * Editing the venues of a planned bazaar: added and removed before an allocation is published, never double
 * booked, unpublished allocations superseded, applicants' other preferences kept, frozen once published.
 */
@QuarkusTest
class BazaarVenueEditTest {

    private static RequestSpecification coordinator() {
        return given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON);
    }

    /** The coordinator, changing the bazaar as she last read it (If-Match with its current ETag). */
    private static RequestSpecification editing(String bazaar) {
        return coordinator().header("If-Match", TestData.etag(bazaar));
    }

    private static String path(String bazaar, String venue) {
        return "/api/bazaar/bazaars/" + bazaar + "/venues/" + venue;
    }

    @Test
    void aDraftBazaarGainsChangesAndLosesVenuesWithinWhatTheyHaveFree() {
        LocalDate start = TestData.today().plusDays(600);
        String first = TestData.venue(3, 1, 0, 6);
        String second = TestData.venue(4, 0, 0, 7);
        String bazaar = TestData.bazaar("MONTHLY", start, 2, List.of(first));

        editing(bazaar).body(Map.of("stallsPerDay", 2, "days", List.of(Days.jalali(start.plusDays(1)))))
            .put(path(bazaar, second)).then().statusCode(201)
            .body("venues.venueId", hasItem(second))
            .body("venues.find { it.venueId == '" + second + "' }.days", hasSize(1))
            .body("venues.find { it.venueId == '" + second + "' }.days[0].stalls", equalTo(2))
            .body("totalStallDays", equalTo(3 * 2 + 2));
        // changing what it offers: every day, all it has
        editing(bazaar).body("{}").put(path(bazaar, second)).then().statusCode(200)
            .body("venues.find { it.venueId == '" + second + "' }.days.stalls", contains(4, 4))
            .body("totalStallDays", equalTo(3 * 2 + 4 * 2));

        // another bazaar cannot take the stalls this one holds, and this one cannot take more than is free
        String other = TestData.bazaar("MONTHLY", start.plusDays(1), 1, List.of(TestData.venue(1, 0, 0, 7)));
        editing(other).header("Accept-Language", "en").body(Map.of("stallsPerDay", 1)).put(path(other, second))
            .then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/venue-double-booked"));
        editing(bazaar).body(Map.of("stallsPerDay", 5)).put(path(bazaar, second)).then().statusCode(400)
            .body("errors.field", hasItem("stallsPerDay"));
        editing(bazaar).body(Map.of("days", List.of(Days.jalali(start.plusDays(5))))).put(path(bazaar, second))
            .then().statusCode(400).body("errors.field", hasItem("days[0]"));
        editing(bazaar).body("{}").put(path(bazaar, UUID.randomUUID().toString())).then().statusCode(400)
            .body("errors.field", hasItem("venueId"));

        // removing it frees its stalls for the other bazaar
        editing(bazaar).delete(path(bazaar, second)).then().statusCode(200)
            .body("venues.venueId", not(hasItem(second)))
            .body("totalStallDays", equalTo(6));
        editing(other).body(Map.of("stallsPerDay", 4)).put(path(other, second)).then().statusCode(201);
        editing(bazaar).delete(path(bazaar, second)).then().statusCode(404);
        editing(bazaar).header("Accept-Language", "en").delete(path(bazaar, first)).then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/last-venue"));
        given().auth().oauth2(TestData.producer(UUID.randomUUID())).contentType(ContentType.JSON).body("{}")
            .put(path(bazaar, second)).then().statusCode(403);
    }

    @Test
    void aChangeOfVenuesNeedsTheVersionReadAndAStaleOneIs412() {
        LocalDate start = TestData.today().plusDays(620);
        String bazaar = TestData.bazaar("MONTHLY", start, 1, List.of(TestData.venue(3, 0, 0, 4)));
        String venue = TestData.venue(3, 0, 0, 4);
        io.restassured.response.Response read = given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar);
        String etag = read.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), etag);
        // revalidating an unchanged bazaar: 304, no body
        given().auth().oauth2(TestData.coordinator()).header("If-None-Match", etag)
            .get("/api/bazaar/bazaars/" + bazaar).then().statusCode(304).header("ETag", equalTo(etag));

        coordinator().header("Accept-Language", "en").body("{}").put(path(bazaar, venue)).then().statusCode(428)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/precondition-required"));
        String changed = coordinator().header("If-Match", etag).body("{}").put(path(bazaar, venue)).then()
            .statusCode(201).extract().header("ETag");
        assertTrue(!etag.equals(changed), changed);
        // the version she read is gone: 412, and nothing changes
        coordinator().header("If-Match", etag).body(Map.of("stallsPerDay", 1)).put(path(bazaar, venue)).then()
            .statusCode(412).contentType("application/problem+json");
        coordinator().header("If-Match", etag).delete(path(bazaar, venue)).then().statusCode(412);
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar).then()
            .header("ETag", equalTo(changed))
            .body("venues.find { it.venueId == '" + venue + "' }.days[0].stalls", equalTo(3));
        given().auth().oauth2(TestData.coordinator()).header("If-None-Match", etag)
            .get("/api/bazaar/bazaars/" + bazaar).then().statusCode(200);

        // a removal needs the version read too: 428 without it, and then it answers the new version
        coordinator().header("Accept-Language", "en").delete(path(bazaar, venue)).then().statusCode(428)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/precondition-required"));
        String removed = coordinator().header("If-Match", changed).delete(path(bazaar, venue)).then()
            .statusCode(200).body("venues.venueId", not(hasItem(venue))).extract().header("ETag");
        assertTrue(removed != null && !removed.equals(changed), removed);
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar).then()
            .header("ETag", equalTo(removed));
    }

    @Test
    void anOpenBazaarIsAnnouncedAgainAndApplicantsKeepTheirOtherPreferences() {
        LocalDate day = TestData.today().plusDays(650);
        String kept = TestData.venue(2, 0, 0, 3);
        String dropped = TestData.venue(2, 0, 0, 3);
        String added = TestData.venue(3, 0, 0, 3);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(kept, dropped));
        TestData.move(bazaar, "OPEN");
        UUID business = TestData.registeredBusiness("candles", 3, true);
        String application = TestData.apply(bazaar, business, List.of(dropped, kept), List.of(day), 1);

        editing(bazaar).delete(path(bazaar, dropped)).then().statusCode(200);
        editing(bazaar).body("{}").put(path(bazaar, added)).then().statusCode(201);
        given().auth().oauth2(TestData.producer(business)).get("/api/bazaar/applications/mine").then()
            .statusCode(200)
            .body("items.find { it.id == '" + application + "' }.venuePreferences", contains(kept));

        EventContract contract = EventContract.load();
        EventProbe.Message announced = TestData.probe().await("bazaar.bazaar", m -> bazaar.equals(m.key())
            && m.value().contains(added) && !m.value().contains(dropped), Duration.ofSeconds(30));
        assertTrue(contract.violations(announced.ce("dataschema"), announced.value()).isEmpty(),
            () -> contract.violations(announced.ce("dataschema"), announced.value()).toString());
    }

    @Test
    void anUnpublishedAllocationIsSupersededAndAPublishedOneFreezesTheVenues() {
        LocalDate day = TestData.today().plusDays(700);
        String venue = TestData.venue(2, 0, 0, 11);
        String extra = TestData.venue(2, 0, 0, 11);
        String bazaar = TestData.bazaar("MONTHLY", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        TestData.apply(bazaar, TestData.registeredBusiness("dolls", 11, true), List.of(venue), List.of(day), 1);
        TestData.move(bazaar, "ALLOCATING");
        String stale = TestData.allocate(bazaar, Map.of("seed", 7, "timeLimitSeconds", 1));

        // re-allocation: the venues change while allocating, the solved run may no longer be published
        editing(bazaar).body("{}").put(path(bazaar, extra)).then().statusCode(201);
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + stale)
            .then().body("status", equalTo("SUPERSEDED"));
        coordinator().post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + stale + "/publish").then()
            .statusCode(409);
        String fresh = TestData.allocate(bazaar, Map.of("seed", 7, "timeLimitSeconds", 1));
        coordinator().post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + fresh + "/publish").then()
            .statusCode(200);

        editing(bazaar).header("Accept-Language", "en").body("{}").put(path(bazaar, TestData.venue(1, 0, 0, 11)))
            .then().statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/venues-frozen"))
            .body("detail", org.hamcrest.Matchers.containsString("PUBLISHED"));
        editing(bazaar).delete(path(bazaar, extra)).then().statusCode(409);
    }
}
