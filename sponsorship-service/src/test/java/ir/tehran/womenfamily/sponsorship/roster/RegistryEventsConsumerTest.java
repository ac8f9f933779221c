package ir.tehran.womenfamily.sponsorship.roster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.EventContract;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.sponsorship.RegistryFeed;
import ir.tehran.womenfamily.sponsorship.Tokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The roster follows the registry's events exactly once, whatever Kafka delivers: duplicates, merges in
 * either order, messages that are not CloudEvents, events that cannot be applied.
 */
@QuarkusTest
class RegistryEventsConsumerTest {

    private static final String TOPIC = "registry.beneficiary";
    private static final String SCHEMA = "urn:women-family:events:registry:beneficiary.registered:v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    AgroalDataSource dataSource;

    /** A registration event exactly as the registry publishes it, checked against the registry's schema. */
    private static String registered(UUID id) {
        String data = "{\"beneficiaryId\":\"" + id + "\",\"registeredAt\":\"" + Instant.now()
            + "\",\"registeredOn\":\"1403-08-01\"}";
        assertTrue(EventContract.load().violations(SCHEMA, data).isEmpty(),
            () -> EventContract.load().violations(SCHEMA, data).toString());
        return data;
    }

    private void send(String eventId, UUID beneficiary, String data) {
        new EventProbe(bootstrap).sendCloudEvent(TOPIC, beneficiary.toString(), Map.of(
            "id", eventId,
            "source", "/women-family/registry",
            "type", "ir.tehran.womenfamily.registry.beneficiary.registered",
            "subject", beneficiary.toString(),
            "time", Instant.now().toString(),
            "dataschema", SCHEMA,
            "requestid", "req-" + eventId), data);
    }

    private void awaitMother(UUID id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + id)
                .then().statusCode(200).body("registeredOn", equalTo("1403-08-01")));
    }

    private int count(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse child(UUID id) {
        return given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + id).then();
    }

    private static List<String> historyKinds(UUID id) {
        return given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + id + "/history")
            .then().statusCode(200).extract().jsonPath().getList("items.kind");
    }

    @Test
    void aRegisteredWomanBecomesAKnownMother() {
        UUID id = UUID.randomUUID();
        send(UUID.randomUUID().toString(), id, registered(id));
        awaitMother(id);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Exception {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = registered(id);
        send(eventId, id, data);
        send(eventId, id, data);
        awaitMother(id);
        UUID marker = UUID.randomUUID();
        send(UUID.randomUUID().toString(), marker, registered(marker));
        awaitMother(marker);

        assertEquals(1, count("select count(*) from processed_event where event_id = ?", eventId));
        boolean deadLettered = new EventProbe(bootstrap).readAll(TOPIC + ".DLT", Duration.ofSeconds(5)).stream()
            .anyMatch(m -> id.toString().equals(m.key()));
        assertTrue(!deadLettered, "a duplicate must be skipped, not dead-lettered");
    }

    @Test
    void aMessageThatIsNotACloudEventGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        UUID key = UUID.randomUUID();
        new EventProbe(bootstrap).sendRaw(TOPIC, key.toString(), "this is not an event");
        UUID after = UUID.randomUUID();
        send(UUID.randomUUID().toString(), key, registered(after));
        awaitMother(after);

        EventProbe.Message dead = new EventProbe(bootstrap).await(TOPIC + ".DLT",
            m -> key.toString().equals(m.key()), Duration.ofSeconds(30));
        assertTrue(dead.headers().get("dlt-error").startsWith("unreadable event"), dead.headers().toString());
        assertEquals(TOPIC, dead.headers().get("dlt-original-topic"));
    }

    @Test
    void anEventThatKeepsFailingIsDeadLetteredWithItsError() throws Exception {
        UUID key = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(eventId, key, "{\"registeredOn\":\"1403-08-01\"}");
        UUID after = UUID.randomUUID();
        send(UUID.randomUUID().toString(), key, registered(after));
        awaitMother(after);

        EventProbe.Message dead = new EventProbe(bootstrap).await(TOPIC + ".DLT",
            m -> eventId.equals(m.ce("id")), Duration.ofSeconds(30));
        assertTrue(dead.headers().get("dlt-error").contains("beneficiaryId"), dead.headers().toString());
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", eventId));
    }

    @Test
    void aBurstOnOnePartitionIsAppliedOnceEachWithItsAuditEntryAndOneBadEventIsDeadLetteredAlone()
            throws Exception {
        // one key, so one partition and one poll: the consumer applies them together, falls back to one by
        // one for the group holding the bad event, and the audit chain stays one unbroken line
        String key = UUID.randomUUID().toString();
        List<UUID> women = new java.util.ArrayList<>();
        List<EventProbe.Outgoing> burst = new java.util.ArrayList<>();
        String badId = UUID.randomUUID().toString();
        String duplicateId = null;
        for (int i = 0; i < 150; i++) {
            UUID id = UUID.randomUUID();
            String eventId = UUID.randomUUID().toString();
            if (i == 120) {
                burst.add(outgoing(key, badId, id, "{\"registeredOn\":\"1403-08-01\"}"));
                continue;
            }
            women.add(id);
            burst.add(outgoing(key, eventId, id, registered(id)));
            if (i == 30) {
                duplicateId = eventId;
                burst.add(outgoing(key, eventId, id, registered(id)));
            }
        }
        new EventProbe(bootstrap).send(TOPIC, burst);
        awaitMother(women.get(women.size() - 1));
        for (UUID id : women) {
            assertEquals(1, count("select count(*) from mother where beneficiary_id = cast(? as uuid)",
                id.toString()), id::toString);
            assertEquals(1, count("select count(*) from audit_entry where resource_id = ?", id.toString()),
                () -> "one audit entry for " + id);
        }
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", duplicateId));
        EventProbe.Message dead = new EventProbe(bootstrap).await(TOPIC + ".DLT",
            m -> badId.equals(m.ce("id")), Duration.ofSeconds(30));
        assertTrue(dead.headers().get("dlt-error").contains("beneficiaryId"), dead.headers().toString());
        given().auth().oauth2(Tokens.admin()).get("/api/sponsorship/audit/verify").then().statusCode(200)
            .body("valid", equalTo(true));
    }

    private static EventProbe.Outgoing outgoing(String key, String eventId, UUID beneficiary, String data) {
        return new EventProbe.Outgoing(key, Map.of(
            "id", eventId,
            "source", "/women-family/registry",
            "type", "ir.tehran.womenfamily.registry.beneficiary.registered",
            "subject", beneficiary.toString(),
            "time", Instant.now().toString(),
            "dataschema", SCHEMA,
            "requestid", "req-" + eventId), data, Map.of());
    }

    @Test
    void aChildIsAddedUpdatedAndRemovedAndHerHistoryIsKept() {
        UUID id = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        LocalDate birth = LocalDate.of(2013, 9, 5);
        RegistryFeed.childAdded(id, mother, birth, "FEMALE", 6, 12);
        RegistryFeed.awaitChildren(List.of(id));
        child(id).statusCode(200)
            .body("status", equalTo("ACTIVE"))
            .body("motherId", equalTo(mother.toString()))
            .body("birthDate", equalTo("2013-09-05"))
            .body("birthDateJalali", equalTo("1392-06-14"))
            .body("gender", equalTo("FEMALE"))
            .body("grade", equalTo(6))
            .body("district", equalTo(12))
            .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("name")));

        RegistryFeed.childUpdated(id, mother, birth, "FEMALE", 7, 12);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> child(id).body("grade", equalTo(7)));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/children/" + id + "/history").then()
            .body("items[1].kind", equalTo("UPDATED"))
            .body("items[1].detail.grade.from", equalTo("6"))
            .body("items[1].detail.grade.to", equalTo("7"));

        RegistryFeed.childRemoved(id, mother);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> child(id).body("status", equalTo("REMOVED")));
        assertEquals(List.of("ADDED", "UPDATED", "REMOVED"), historyKinds(id));
    }

    @Test
    void theSameChildEventTwiceMakesOneChildWithOneHistoryLine() throws Exception {
        UUID id = UUID.randomUUID();
        UUID mother = UUID.randomUUID();
        String json = RegistryFeed.childJson(id, mother, LocalDate.of(2015, 1, 10), "MALE", 4, 3);
        String eventId = UUID.randomUUID().toString();
        RegistryFeed.send(RegistryFeed.CHILD_TOPIC, id.toString(), "child.added", eventId, json);
        RegistryFeed.send(RegistryFeed.CHILD_TOPIC, id.toString(), "child.added", eventId, json);
        // the registry re-sending the same state under a new id changes nothing either
        String resent = RegistryFeed.send(RegistryFeed.CHILD_TOPIC, id.toString(), "child.added", json);
        // one key, one partition: when the last is processed, so are the others
        await().atMost(Duration.ofSeconds(30))
            .until(() -> count("select count(*) from processed_event where event_id = ?", resent) == 1);

        assertEquals(1, count("select count(*) from child where id = ?::uuid", id.toString()));
        assertEquals(1, count("select count(*) from processed_event where event_id = ?", eventId));
        assertEquals(List.of("ADDED"), historyKinds(id));
    }

    @Test
    void aMergeMovesTheMergedMothersChildrenToTheSurvivor() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID survivorsOwn = UUID.randomUUID();
        RegistryFeed.registered(merged, 4);
        RegistryFeed.registered(survivor, 4);
        RegistryFeed.childAdded(first, merged, LocalDate.of(2012, 4, 1), "FEMALE", 8, 4);
        RegistryFeed.childAdded(second, merged, LocalDate.of(2016, 4, 1), "MALE", 4, 4);
        RegistryFeed.childAdded(survivorsOwn, survivor, LocalDate.of(2010, 4, 1), "MALE", 10, 4);
        RegistryFeed.awaitChildren(List.of(first, second, survivorsOwn));

        RegistryFeed.merged(merged, survivor);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + survivor + "/children")
                .then().statusCode(200).body("items.id", containsInAnyOrder(survivorsOwn.toString(), first.toString(),
                    second.toString())));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + merged + "/children")
            .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + merged)
            .then().statusCode(200).body("mergedInto", equalTo(survivor.toString()));
        assertEquals(List.of("ADDED", "MOTHER_MERGED"), historyKinds(first));

        // an update the registry sent before the merge, read after it, names the old record: she stays
        RegistryFeed.childUpdated(first, merged, LocalDate.of(2012, 4, 1), "FEMALE", 9, 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> child(first).body("grade", equalTo(9)));
        child(first).body("motherId", equalTo(survivor.toString()))
            .body("registryMotherId", equalTo(merged.toString()));
    }

    @Test
    void aSplitPutsHerChildrenBackWithHerOnceHoweverOftenItIsRead() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID hers = UUID.randomUUID();
        UUID survivorsOwn = UUID.randomUUID();
        RegistryFeed.registered(merged, 4);
        RegistryFeed.registered(survivor, 4);
        RegistryFeed.childAdded(hers, merged, LocalDate.of(2013, 4, 1), "FEMALE", 7, 4);
        RegistryFeed.childAdded(survivorsOwn, survivor, LocalDate.of(2010, 4, 1), "MALE", 10, 4);
        RegistryFeed.awaitChildren(List.of(hers, survivorsOwn));
        RegistryFeed.merged(merged, survivor);
        // the registry re-announces her child under the survivor
        RegistryFeed.childUpdated(hers, survivor, LocalDate.of(2013, 4, 1), "FEMALE", 7, 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            child(hers).body("motherId", equalTo(survivor.toString()))
                .body("registryMotherId", equalTo(survivor.toString())));

        // the merge is undone; the child event that moves her back is read after the split, then again before
        // a second delivery of the split: the roster ends the same each time
        RegistryFeed.split(merged, survivor);
        RegistryFeed.childUpdated(hers, merged, LocalDate.of(2013, 4, 1), "FEMALE", 7, 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            child(hers).body("motherId", equalTo(merged.toString()))
                .body("registryMotherId", equalTo(merged.toString())));
        RegistryFeed.split(merged, survivor);
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + merged)
            .then().statusCode(200).body("mergedInto", equalTo(null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertEquals(0, count("select count(*) from mother_merge where merged_id = ?::uuid", merged.toString())));
        given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + survivor + "/children")
            .then().statusCode(200).body("items.id", contains(survivorsOwn.toString()));
        child(hers).body("motherId", equalTo(merged.toString()));
    }

    @Test
    void aSplitReadBeforeTheChildEventStillPutsTheChildBackWithHer() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID hers = UUID.randomUUID();
        RegistryFeed.childAdded(hers, merged, LocalDate.of(2014, 4, 1), "MALE", 5, 4);
        RegistryFeed.awaitChildren(List.of(hers));
        RegistryFeed.merged(merged, survivor);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            child(hers).body("motherId", equalTo(survivor.toString())));
        // the split arrives before the registry's child.updated of the merge was read: her child still names her
        RegistryFeed.split(merged, survivor);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            child(hers).body("motherId", equalTo(merged.toString())));
        assertEquals(List.of("ADDED", "MOTHER_MERGED", "MOTHER_SPLIT"), historyKinds(hers));
    }

    @Test
    void aMergeReadBeforeTheChildEventsStillPutsTheChildrenWithTheSurvivorThroughAChain() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID childOfA = UUID.randomUUID();
        UUID childOfB = UUID.randomUUID();
        RegistryFeed.merged(b, c);
        RegistryFeed.merged(a, b);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + a)
                .then().statusCode(200).body("mergedInto", equalTo(c.toString())));
        RegistryFeed.childAdded(childOfA, a, LocalDate.of(2011, 2, 2), "FEMALE", 9, 9);
        RegistryFeed.childAdded(childOfB, b, LocalDate.of(2011, 2, 2), "MALE", 9, 9);
        RegistryFeed.awaitChildren(List.of(childOfA, childOfB));
        child(childOfA).body("motherId", equalTo(c.toString()));
        child(childOfB).body("motherId", equalTo(c.toString()));
    }

    @Test
    void theMothersStatusAndSupportLevelFollowTheRegistry() {
        UUID mother = UUID.randomUUID();
        RegistryFeed.registered(mother, 6);
        RegistryFeed.supportLevel(mother, "TRAINING");
        RegistryFeed.statusChanged(mother, "APPLICANT", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().auth().oauth2(Tokens.officer()).get("/api/sponsorship/mothers/" + mother)
                .then().statusCode(200).body("supportLevel", equalTo("TRAINING")).body("status", equalTo("ACTIVE"))
                .body("district", equalTo(6)));
    }

    @Test
    void aChildWhoseTwoBirthDatesDisagreeIsDeadLetteredNotGuessed() throws Exception {
        UUID id = UUID.randomUUID();
        String json = "{\"childId\":\"" + id + "\",\"motherId\":\"" + UUID.randomUUID() + "\",\"birthDate\":"
            + "\"2014-03-21\",\"birthDateJalali\":\"1393-01-02\",\"gender\":\"MALE\",\"grade\":5,\"district\":2}";
        String eventId = RegistryFeed.send(RegistryFeed.CHILD_TOPIC, id.toString(), "child.added", json);
        EventProbe.Message dead = RegistryFeed.probe().await("registry.child.DLT", m -> eventId.equals(m.ce("id")),
            Duration.ofSeconds(30));
        assertTrue(dead.headers().get("dlt-error").contains("name different days"), dead.headers().toString());
        assertEquals(0, count("select count(*) from child where id = ?::uuid", id.toString()));
    }
}
