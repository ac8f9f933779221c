package ir.tehran.womenfamily.bazaar.producer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.bazaar.TestData;
import org.junit.jupiter.api.Test;

/** The producers' read model follows the registry's business events exactly once. */
@QuarkusTest
class RegistryEventsConsumerTest {

    @Test
    void anUpdateReplacesTheStateAndARedeliveredEventIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", id, TestData.business(id, owner, "pottery", 4, true,
            "ACTIVE"));
        TestData.awaitProducer(id, "ACTIVE");
        String eventId = UUID.randomUUID().toString();
        TestData.sendBusinessEvent(eventId, "business.updated", id, TestData.business(id, owner, "candles", null,
            true, "SUSPENDED"));
        TestData.awaitProducer(id, "SUSPENDED");
        TestData.sendBusinessEvent("business.updated", id, TestData.business(id, owner, "dolls", 9, true, "ACTIVE"));
        TestData.awaitProducer(id, "ACTIVE");
        // the first update delivered again: skipped by the processed-event log, so it cannot undo the second
        TestData.sendBusinessEvent(eventId, "business.updated", id, TestData.business(id, owner, "candles", null,
            true, "SUSPENDED"));
        // a marker behind it on the same partition (same key): once it is applied, the redelivery was read
        UUID marker = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", id, TestData.business(marker, UUID.randomUUID(),
            "bedding", 1, false, "ACTIVE"));
        TestData.awaitProducer(marker, "ACTIVE");
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/producers/" + id)
            .then().body("category", equalTo("dolls")).body("district", equalTo(9)).body("status", equalTo("ACTIVE"));

        // each applied event is in the audit log as the consumer's write, once (the redelivery added nothing)
        given().auth().oauth2(TestData.admin()).queryParam("resourceType", "producer")
            .queryParam("resourceId", id.toString()).get("/api/bazaar/audit").then().statusCode(200)
            .body("items.action", equalTo(List.of("producer.update", "producer.update", "producer.add")))
            .body("items.actor", everyItem(equalTo("system:consumer:bazaar-registry")))
            .body("items.purpose", everyItem(startsWith("event:ir.tehran.womenfamily.registry.business.")))
            .body("items[1].detail.eventId", equalTo(eventId))
            .body("items[1].detail.status", equalTo("SUSPENDED"));
    }

    @Test
    void aProducerSeesHerOwnBusinessOnly() {
        UUID mine = TestData.registeredBusiness("dolls", 5, true);
        UUID hers = TestData.registeredBusiness("dolls", 5, true);
        given().auth().oauth2(TestData.producer(mine)).get("/api/bazaar/producers/" + mine).then().statusCode(200);
        given().auth().oauth2(TestData.producer(mine)).get("/api/bazaar/producers/" + hers).then().statusCode(404);
    }

    /**
     * Decision: when her business closes, her applications to bazaars not yet closed are withdrawn, her
     * published stalls from today on are released and offered to the waitlist; past stalls and sales stay.
     */
    @Test
    void aClosedBusinessReleasesItsPublishedStallToTheWaitlist() {
        LocalDate day = TestData.today().plusDays(3);
        String venue = TestData.venue(1, 0, 0, 6);
        String bazaar = TestData.bazaar("SEASONAL", day, 1, List.of(venue));
        TestData.move(bazaar, "OPEN");
        UUID owner = UUID.randomUUID();
        UUID closing = UUID.randomUUID();
        TestData.sendBusinessEvent("business.registered", closing, TestData.business(closing, owner, "hijab-goods", 6,
            true, "ACTIVE"));
        TestData.awaitProducer(closing, "ACTIVE");
        UUID waiting = TestData.registeredBusiness("hijab-goods", 6, false);
        TestData.apply(bazaar, closing, List.of(venue), List.of(day), 1);
        String waitingApp = TestData.apply(bazaar, waiting, List.of(venue), List.of(day), 1);
        TestData.move(bazaar, "ALLOCATING");
        String run = TestData.allocate(bazaar, Map.of("timeLimitSeconds", 1));
        given().auth().oauth2(TestData.coordinator())
            .post("/api/bazaar/bazaars/" + bazaar + "/allocations/" + run + "/publish").then().statusCode(200);

        TestData.sendBusinessEvent("business.closed", closing, Map.of("businessId", closing.toString(),
            "ownerId", owner.toString(), "closedAt", Instant.now().toString()));
        TestData.awaitProducer(closing, "CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/bazaars/" + bazaar + "/assignments")
                .then().statusCode(200).body("items.find { it.businessId == '" + closing + "' }.status",
                    equalTo("RELEASED")));
        given().auth().oauth2(TestData.producer(waiting)).get("/api/bazaar/offers/mine")
            .then().statusCode(200).body("items.findAll { it.kind == 'RELEASED_STALL' }", hasSize(1))
            .body("items.find { it.kind == 'RELEASED_STALL' }.venueId", equalTo(venue));
        given().auth().oauth2(TestData.coordinator()).get("/api/bazaar/applications/" + waitingApp)
            .then().body("status", equalTo("SUBMITTED"));
    }
}
