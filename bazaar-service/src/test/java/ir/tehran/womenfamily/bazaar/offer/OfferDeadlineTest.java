package ir.tehran.womenfamily.bazaar.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A freed stall's offer carries a reply deadline; unanswered by then, the sweep lapses it and the stall goes to the
 * next on the waitlist ({@code offer.lapsed}, then {@code offer.made}); a second sweep changes nothing; an answer
 * after the deadline is refused 409. The sweep is driven with the test's own instants: nothing sleeps.
 */
@QuarkusTest
class OfferDeadlineTest {

    private static final EventContract CONTRACT = EventContract.load();

    @Inject
    OfferService offers;

    @Test
    void anUnansweredOfferLapsesAtItsDeadlineAndTheStallGoesToTheNext() {
        LocalDate today = TestData.today();
        String venue = TestData.venue(1, 0, 0, 7);
        String bazaar = TestData.bazaar("MONTHLY", today, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        List<UUID> producers = List.of(TestData.registeredBusiness("pottery", 7, false),
            TestData.registeredBusiness("dolls", 7, false), TestData.registeredBusiness("candles", 7, false));
        for (UUID p : producers) {
            TestData.apply(bazaar, p, List.of(venue), List.of(today), 1);
        }
        TestData.move(bazaar, "ALLOCATING");
        String run = TestData.allocate(bazaar, Map.of("seed", 7, "timeLimitSeconds", 1));
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/publish").then().statusCode(200);
        TestData.move(bazaar, "RUNNING");
        String stall = given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar
            + "/assignments").then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/assignments/" + stall + "/no-show").then().statusCode(200);

        Map<String, Object> first = freed(bazaar, "OPEN");
        UUID firstBusiness = UUID.fromString((String) first.get("businessId"));
        Instant replyBy = Instant.parse((String) first.get("replyBy"));
        assertNotEquals(null, first.get("replyByJalali"));
        EventProbe probe = TestData.probe();
        EventProbe.Message made = probe.await("bazaar.offer", m -> m.value().contains((String) first.get("id"))
            && m.ce("type").endsWith("offer.made"), Duration.ofSeconds(30));
        assertConforms(made);
        assertTrue(made.value().contains("\"replyBy\""), made.value());

        offers.lapseDue(replyBy.minusSeconds(1));
        assertEquals(first.get("id"), freed(bazaar, "OPEN").get("id"), "not yet due a second before its deadline");
        assertTrue(offers.lapseDue(replyBy) >= 1, "due at its deadline");
        assertEquals(0, offers.lapseDue(replyBy), "a second sweep at the same instant lapses nothing");

        given().auth().oauth2(TestData.producer(firstBusiness)).get("/api/bazaar/offers/" + first.get("id"))
            .then().statusCode(200).body("status", equalTo("LAPSED"));
        EventProbe.Message lapsed = probe.await("bazaar.offer", m -> m.value().contains((String) first.get("id"))
            && m.ce("type").endsWith("offer.lapsed"), Duration.ofSeconds(30));
        assertConforms(lapsed);
        assertTrue(lapsed.value().contains(bazaar), lapsed.value());
        given().auth().oauth2(TestData.producer(firstBusiness)).header("Accept-Language", "en")
            .post("/api/bazaar/offers/" + first.get("id") + "/accept").then().statusCode(409)
            .contentType("application/problem+json");

        // the stall went to the next on the waitlist, with a deadline of her own
        Map<String, Object> next = freed(bazaar, "OPEN");
        UUID nextBusiness = UUID.fromString((String) next.get("businessId"));
        assertNotEquals(firstBusiness, nextBusiness);
        assertConforms(probe.await("bazaar.offer", m -> m.value().contains((String) next.get("id"))
            && m.ce("type").endsWith("offer.made"), Duration.ofSeconds(30)));

        // her answer comes after the deadline, before any sweep: refused, in Persian and in English
        UUID nextId = UUID.fromString((String) next.get("id"));
        QuarkusTransaction.requiringNew().run(() -> WaitlistOffer.update("replyBy = ?1 where id = ?2",
            Instant.now().minusSeconds(60), nextId));
        given().auth().oauth2(TestData.producer(nextBusiness)).post("/api/bazaar/offers/" + nextId + "/accept")
            .then().statusCode(409).contentType("application/problem+json")
            .body("title", equalTo("مهلت پاسخ به این پیشنهاد گذشته است")).body("detail", notNullValue());
        given().auth().oauth2(TestData.producer(nextBusiness)).header("Accept-Language", "en")
            .post("/api/bazaar/offers/" + nextId + "/accept").then().statusCode(409)
            .body("title", equalTo("The reply to this offer is past its deadline"));
        given().auth().oauth2(TestData.producer(nextBusiness)).get("/api/bazaar/offers/" + nextId)
            .then().statusCode(200).body("status", equalTo("OPEN"));
    }

    private static Map<String, Object> freed(String bazaar, String status) {
        List<Map<String, Object>> found = given().auth().oauth2(TestData.coordinator()).queryParam("bazaarId", bazaar)
            .get("/api/bazaar/offers").then().statusCode(200).extract()
            .path("items.findAll { it.kind == 'RELEASED_STALL' && it.status == '" + status + "' }");
        assertEquals(1, found.size(), () -> "one open offer of the freed stall: " + found);
        return found.get(0);
    }

    private static void assertConforms(EventProbe.Message m) {
        assertTrue(CONTRACT.violations(m.ce("dataschema"), m.value()).isEmpty(),
            () -> m.ce("type") + ": " + CONTRACT.violations(m.ce("dataschema"), m.value()));
    }
}
