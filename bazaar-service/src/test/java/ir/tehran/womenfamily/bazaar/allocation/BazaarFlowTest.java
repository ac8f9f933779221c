package ir.tehran.womenfamily.bazaar.allocation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import org.junit.jupiter.api.Test;

/**
 * The whole way of one bazaar: venues and a bazaar created, producers known from the registry's events,
 * applications made and one withdrawn, the allocation solved in the background and published (with events
 * that honour the published contract and dated offers for the waitlisted), attendance confirmed, a no-show
 * whose stall goes to the waitlist, sales and footfall reported.
 */
@QuarkusTest
class BazaarFlowTest {

    private static final EventContract CONTRACT = EventContract.load();

    private static void assertConforms(EventProbe.Message m) {
        assertEquals("/women-family/bazaar", m.ce("source"));
        assertTrue(CONTRACT.violations(m.ce("dataschema"), m.value()).isEmpty(),
            () -> m.ce("type") + ": " + CONTRACT.violations(m.ce("dataschema"), m.value()));
    }

    @Test
    void fromVenuesToSales() {
        LocalDate today = TestData.today();
        String roomy = TestData.venue(2, 1, 0, 4);
        String small = TestData.venue(1, 0, 0, 9);
        String bazaar = TestData.bazaar("MONTHLY", today, 1, List.of(roomy, small));
        String next = TestData.bazaar("MONTHLY", today.plusDays(40), 2, List.of(TestData.venue(5, 1, 0, 4)));

        TestData.move(bazaar, "OPEN");
        EventProbe.Message announced = TestData.probe().await("bazaar.bazaar", m -> bazaar.equals(m.key()),
            Duration.ofSeconds(30));
        assertEquals("ir.tehran.womenfamily.bazaar.bazaar.published", announced.ce("type"));
        assertConforms(announced);

        UUID head1 = TestData.registeredBusiness("pottery", 4, true);
        UUID head2 = TestData.registeredBusiness("dolls", 9, true);
        UUID head3 = TestData.registeredBusiness("candles", 4, true);
        UUID other1 = TestData.registeredBusiness("needlework", 12, false);
        UUID other2 = TestData.registeredBusiness("macrame", 20, false);
        UUID leaving = TestData.registeredBusiness("bedding", 4, true);
        List<LocalDate> day = List.of(today);
        String a1 = TestData.apply(bazaar, head1, List.of(roomy, small), day, 1);
        TestData.apply(bazaar, head2, List.of(small, roomy), day, 1);
        TestData.apply(bazaar, head3, List.of(roomy), day, 1);
        TestData.apply(bazaar, other1, List.of(roomy, small), day, 1);
        TestData.apply(bazaar, other2, List.of(small), day, 1);
        String gone = TestData.apply(bazaar, leaving, List.of(roomy), day, 1);

        // another producer's application is not hers to see (404, not 403)
        given().auth().oauth2(TestData.producer(head2)).get("/api/bazaar/applications/" + a1)
            .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestData.producer(leaving)).post("/api/bazaar/applications/" + gone + "/withdraw")
            .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(TestData.producer(head1)).get("/api/bazaar/applications/mine")
            .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(a1));

        TestData.move(bazaar, "ALLOCATING");
        String run = TestData.allocate(bazaar, Map.of("seed", 7, "timeLimitSeconds", 2));
        JsonPath runView = given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run).then().statusCode(200).extract().jsonPath();
        assertEquals(5, runView.getInt("applicants"));
        assertEquals(3, runView.getInt("placed"), "three stalls for five producers");
        assertEquals(2, runView.getInt("waitlisted"));

        List<Map<String, Object>> stalls = given().auth().oauth2(TestData.coordinator()).header("Accept-Language", "en")
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/assignments")
            .then().statusCode(200).body("items", hasSize(3))
            .body("items.explanation.score", org.hamcrest.Matchers.everyItem(notNullValue())).extract().path("items");
        Set<String> placed = new HashSet<>();
        stalls.forEach(s -> placed.add((String) s.get("businessId")));
        assertEquals(Set.of(head1.toString(), head2.toString(), head3.toString()), placed,
            "women heads of household come before other participants when stalls are short");
        given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/waitlist")
            .then().statusCode(200).body("items", hasSize(2)).body("items[0].explanation.reason", notNullValue());

        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/publish")
            .then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar)
            .then().body("status", equalTo("PUBLISHED"));

        EventProbe probe = TestData.probe();
        for (UUID b : List.of(head1, head2, head3, other1, other2)) {
            EventProbe.Message m = probe.await("bazaar.allocation", r -> b.toString().equals(r.key())
                && r.value().contains(bazaar), Duration.ofSeconds(30));
            assertEquals("ir.tehran.womenfamily.bazaar.allocation.published", m.ce("type"));
            assertConforms(m);
        }
        for (UUID b : List.of(other1, other2)) {
            EventProbe.Message offer = probe.await("bazaar.offer", r -> b.toString().equals(r.key()),
                Duration.ofSeconds(30));
            assertConforms(offer);
        }
        // the waitlisted are offered the next bazaar in the calendar (this test's "next", or an earlier one
        // another test made), with its dates
        JsonPath offer = given().auth().oauth2(TestData.producer(other1)).get("/api/bazaar/offers/mine")
            .then().statusCode(200).body("items", hasSize(1)).body("items[0].kind", equalTo("NEXT_BAZAAR"))
            .body("items[0].offeredFromJalali", notNullValue()).extract().jsonPath();
        String target = offer.getString("items[0].targetBazaarId");
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + target).then().statusCode(200)
            .body("startDate", equalTo(offer.getString("items[0].offeredFrom")));
        assertTrue(!LocalDate.parse(offer.getString("items[0].offeredFrom")).isAfter(today.plusDays(40)),
            "no later than " + next);

        TestData.move(bazaar, "RUNNING");
        String mine = given().auth().oauth2(TestData.producer(head1))
            .get("/api/bazaar/bazaars/" + bazaar + "/assignments").then().statusCode(200).body("items", hasSize(1))
            .extract().path("items[0].id");
        given().auth().oauth2(TestData.producer(head1))
            .post("/api/bazaar/bazaars/" + bazaar + "/assignments/" + mine + "/confirm")
            .then().statusCode(200).body("status", equalTo("CONFIRMED"));
        EventProbe.Message confirmed = probe.await("bazaar.attendance", r -> r.value().contains(mine),
            Duration.ofSeconds(30));
        assertConforms(confirmed);
        assertFalse(confirmed.value().contains("amount"), "no money in attendance events");

        // head2 does not come: her stall goes to the first on the waitlist, who takes it
        String hers = given().auth().oauth2(TestData.producer(head2))
            .get("/api/bazaar/bazaars/" + bazaar + "/assignments").then().extract().path("items[0].id");
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/assignments/" + hers + "/no-show")
            .then().statusCode(200).body("status", equalTo("NO_SHOW"));
        List<Map<String, Object>> freed = given().auth().oauth2(TestData.coordinator())
            .queryParam("bazaarId", bazaar).get("/api/bazaar/offers").then().statusCode(200).extract()
            .path("items.findAll { it.kind == 'RELEASED_STALL' }");
        assertEquals(1, freed.size());
        UUID lucky = UUID.fromString((String) freed.get(0).get("businessId"));
        assertTrue(lucky.equals(other1) || lucky.equals(other2));
        given().auth().oauth2(TestData.producer(lucky)).post("/api/bazaar/offers/" + freed.get(0).get("id") + "/accept")
            .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(TestData.producer(lucky)).get("/api/bazaar/bazaars/" + bazaar + "/assignments")
            .then().statusCode(200).body("items", hasSize(1)).body("items[0].reason", equalTo("FROM_WAITLIST"));

        // re-solving the running bazaar moves nothing that need not move, and keeps her confirmation
        List<Map<String, Object>> held = given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar + "/assignments").then().statusCode(200).extract()
            .path("items.findAll { it.status == 'ASSIGNED' || it.status == 'CONFIRMED' }");
        String again = TestData.allocate(bazaar, Map.of("seed", 7, "timeLimitSeconds", 1));
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + again + "/publish")
            .then().statusCode(200).body("basedOn", equalTo(run));
        List<Map<String, Object>> kept = given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/bazaars/" + bazaar + "/assignments").then().statusCode(200).extract()
            .path("items.findAll { it.status == 'ASSIGNED' || it.status == 'CONFIRMED' }");
        for (Map<String, Object> h : held) {
            assertTrue(kept.stream().anyMatch(k -> k.get("businessId").equals(h.get("businessId"))
                && k.get("venueId").equals(h.get("venueId")) && k.get("status").equals(h.get("status"))),
                "kept in place: " + h.get("businessId"));
        }
        assertEquals(held.size(), kept.size(), "every stall is held: no one else could be placed");

        given().auth().oauth2(TestData.producer(head1)).contentType(ContentType.JSON)
            .body(Map.of("businessId", head1.toString(), "day", ir.tehran.womenfamily.support.jalali.Days
                .jalali(today), "amountRials", 45_000_000L))
            .post("/api/bazaar/bazaars/" + bazaar + "/sales").then().statusCode(200)
            .body("amountRials", equalTo(45_000_000));
        given().auth().oauth2(TestData.producer(head2)).contentType(ContentType.JSON)
            .body(Map.of("businessId", head2.toString(), "day", today.toString(), "amountRials", 1))
            .post("/api/bazaar/bazaars/" + bazaar + "/sales").then().statusCode(409)
            .contentType("application/problem+json");
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON)
            .body(Map.of("venueId", roomy, "day", today.toString(), "visitors", 1200))
            .header("If-None-Match", "*").put("/api/bazaar/bazaars/" + bazaar + "/footfall").then().statusCode(200)
            .body("visitors", equalTo(1200));
        // a change of the report names the version read: 428 without it, 412 once it is stale
        Map<String, Object> recount = Map.of("venueId", roomy, "day", today.toString(), "visitors", 1300);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(recount)
            .put("/api/bazaar/bazaars/" + bazaar + "/footfall").then().statusCode(428);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(recount)
            .header("If-None-Match", "*").put("/api/bazaar/bazaars/" + bazaar + "/footfall").then().statusCode(412);
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(recount)
            .header("If-Match", "\"0\"").put("/api/bazaar/bazaars/" + bazaar + "/footfall").then().statusCode(200)
            .body("visitors", equalTo(1300)).header("ETag", equalTo("\"1\""));
        given().auth().oauth2(TestData.coordinator()).contentType(ContentType.JSON).body(recount)
            .header("If-Match", "\"0\"").put("/api/bazaar/bazaars/" + bazaar + "/footfall").then().statusCode(412);

        TestData.move(bazaar, "CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(TestData.coordinator())
            .get("/api/bazaar/reports/bazaars/" + bazaar).then().statusCode(200)
            .body("salesRials", equalTo(45_000_000)).body("noShows", equalTo(1))
            .body("visitors", equalTo(1300)));
    }
}
