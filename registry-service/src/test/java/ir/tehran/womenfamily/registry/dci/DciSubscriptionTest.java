package ir.tehran.womenfamily.registry.dci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.registry.cohort.CohortMembership;
import ir.tehran.womenfamily.registry.consent.Consent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * DCI subscriptions: subscribe and unsubscribe (ACK, stored with agency, criteria, state and expiry), and the
 * notifications the registry's events cause, under need to know: only under her consent for that agency, never
 * after a revocation, never while she is in a sensitive cohort, each logged in her disclosure log and audited.
 * The events are handed to {@link DciNotifications#notifyOf} as its consumer hands them (the running consumer
 * may also read the real ones; each notification is made once either way).
 */
@QuarkusTest
class DciSubscriptionTest {

    private static final String BASE = "/api/registry/dci/registry/";

    @Inject
    DciNotifications notifications;

    @Inject
    ObjectMapper json;

    static Map<String, Object> header(String action, String sender) {
        Map<String, Object> header = new HashMap<>(Map.of("version", "1.0.0", "message_id",
            UUID.randomUUID().toString(), "message_ts", Instant.now().toString(), "action", action,
            "sender_id", sender, "receiver_id", "registry", "total_count", 1));
        header.put("sender_uri", "http://127.0.0.1:9/dci");
        return header;
    }

    static Map<String, Object> subscribe(String sender, String transactionId, String eventType, Object filter) {
        Map<String, Object> criteria = new HashMap<>(Map.of("reg_event_type", eventType, "filter", filter,
            "notify_record_type", "Person"));
        if (filter instanceof Map<?, ?> f && !f.isEmpty()) {
            criteria.put("filter_type", "idtype-value");
        }
        Map<String, Object> item = Map.of("reference_id", "ref-1", "timestamp", Instant.now().toString(),
            "subscribe_criteria", criteria);
        return Map.of("signature", "unsigned", "header", header("subscribe", sender),
            "message", Map.of("transaction_id", transactionId, "subscribe_request", List.of(item)));
    }

    static ValidatableResponse post(String path, String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(BASE + path).then();
    }

    /** The agency's callbacks may go to {@code http://127.0.0.1:9/dci} (its allow-list in the directory). */
    static void allowCallbacks(String client) {
        QuarkusTransaction.requiringNew().run(() -> DciAgency.<DciAgency>findById(client).callbackBaseUrls =
            "[\"http://127.0.0.1:9/dci\"]");
    }

    /** Subscribes {@code client} to {@code eventType} for the woman with {@code code}; the subscription made. */
    static DciSubscription subscribed(String client, String eventType, String code) {
        allowCallbacks(client);
        String txn = "txn-" + UUID.randomUUID();
        post("subscribe", DciResourceTest.agency(client),
            subscribe(client, txn, eventType, Map.of("type", "NATIONAL_CODE", "value", code)))
            .statusCode(202).contentType(startsWith("application/json"))
            .body("message.ack_status", equalTo("ACK"))
            .body("message.correlation_id", notNullValue())
            .body("message.timestamp", notNullValue());
        return QuarkusTransaction.requiringNew().call(() -> DciSubscription.<DciSubscription>find("transactionId",
            txn).singleResult());
    }

    private static String consent(String id, String kind) {
        return given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\"},"
                + "\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201).extract().path("id");
    }

    private int event(String type, String field, String womanId) {
        JsonNode data = json.createObjectNode().put(field, womanId).put("purpose", "SHARE_WITH_AGENCY");
        return notifications.notifyOf(UUID.randomUUID().toString(), "ir.tehran.womenfamily.registry." + type, data);
    }

    private static long notified(DciSubscription s, String womanId) {
        return QuarkusTransaction.requiringNew().call(() -> DciNotification.count(
            "subscriptionId = ?1 and beneficiaryId = ?2", s.id, UUID.fromString(womanId)));
    }

    private static ValidatableResponse disclosures(String id) {
        return given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200);
    }

    @Test
    void aSubscriptionIsStoredWithItsAgencyCriteriaStateAndExpiry() {
        String code = NationalCodes.random();
        DciSubscription s = subscribed("welfare-org", "REGISTER", code);
        assertEquals("welfare-org", s.clientId);
        assertEquals("WELFARE_ORGANISATION", s.agency);
        assertEquals("REGISTER", s.eventType);
        assertEquals(code, s.nationalCode);
        assertEquals(DciSubscription.ACTIVE, s.state);
        assertEquals("http://127.0.0.1:9/dci", s.senderUri);
        assertEquals(true, s.expiresAt.isAfter(Instant.now().plusSeconds(300 * 86400)));
        // the same criteria again: acknowledged, and rejected in on-subscribe (no second subscription)
        String txn = "txn-" + UUID.randomUUID();
        post("subscribe", DciResourceTest.agency("welfare-org"), subscribe("welfare-org", txn, "REGISTER",
            Map.of("type", "NATIONAL_CODE", "value", code))).statusCode(202);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
            () -> DciSubscription.count("transactionId", txn)));
    }

    @Test
    void underHerConsentForTheAgencyOneNotificationIsReleasedLoggedAndAudited() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        DciSubscription s = subscribed("welfare-org", "REGISTER", code);
        // no consent yet: her registration notifies no one
        event("beneficiary.registered", "beneficiaryId", id);
        assertEquals(0, notified(s, id));
        disclosures(id).body("items.size()", equalTo(0));
        // consent for another agency: still no one
        consent(id, "RELIEF_COMMITTEE");
        event("consent.given", "beneficiaryId", id);
        assertEquals(0, notified(s, id));
        // consent for this agency: she is notified, once
        String consentId = consent(id, "WELFARE_ORGANISATION");
        event("consent.given", "beneficiaryId", id);
        event("beneficiary.registered", "beneficiaryId", id);
        assertEquals(1, notified(s, id));
        disclosures(id).body("items.size()", equalTo(1))
            .body("items[0].consentId", equalTo(consentId))
            .body("items[0].what", equalTo(DciSearch.WHAT))
            .body("items[0].recipient", equalTo("agency:WELFARE_ORGANISATION (client welfare-org)"))
            .body("items[0].reference", startsWith("dci-notify:" + s.code + "/"));
        Women.audit(DciSearch.RESOURCE, id).then()
            .body("items[0].action", equalTo("dci.notify.release"));
    }

    @Test
    void aRevocationStopsTheNextNotification() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        DciSubscription s = subscribed("welfare-org", "NewHouseHoldMember", code);
        String consentId = consent(id, "WELFARE_ORGANISATION");
        event("child.added", "motherId", id);
        assertEquals(1, notified(s, id));
        QuarkusTransaction.requiringNew().run(() -> Consent.<Consent>findById(UUID.fromString(consentId))
            .revoke("registrar", Instant.now()));
        assertEquals(0, event("child.added", "motherId", id));
        assertEquals(1, notified(s, id));
        disclosures(id).body("items.size()", equalTo(1));
    }

    @Test
    void aWomanInASensitiveCohortIsNeverNotified() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        DciSubscription register = subscribed("welfare-org", "REGISTER", code);
        DciSubscription household = subscribed("welfare-org", "UPDATE", code);
        QuarkusTransaction.requiringNew().run(() -> CohortMembership.join(UUID.fromString(id), "PRISON_RELEASE",
            LocalDate.now().minusDays(30), null, "registrar", Instant.now()).persist());
        consent(id, "WELFARE_ORGANISATION");
        assertEquals(0, event("consent.given", "beneficiaryId", id));
        assertEquals(0, event("child.updated", "motherId", id));
        assertEquals(0, notified(register, id) + notified(household, id));
        disclosures(id).body("items.size()", equalTo(0));
    }

    @Test
    void unsubscribingEndsTheSubscriptionAndItsNotifications() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        consent(id, "WELFARE_ORGANISATION");
        DciSubscription s = subscribed("welfare-org", "UPDATE", code);
        Map<String, Object> body = Map.of("signature", "unsigned", "header", header("unsubscribe", "welfare-org"),
            "message", Map.of("transaction_id", "txn-" + UUID.randomUUID(), "timestamp", Instant.now().toString(),
                "subscription_codes", List.of(s.code)));
        // another agency cannot end it
        allowCallbacks("relief-committee");
        post("unsubscribe", DciResourceTest.agency("relief-committee"), Map.of("signature", "unsigned",
            "header", header("unsubscribe", "relief-committee"), "message", body.get("message"))).statusCode(202);
        assertEquals(DciSubscription.ACTIVE, state(s));
        post("unsubscribe", DciResourceTest.agency("welfare-org"), body).statusCode(202)
            .body("message.ack_status", equalTo("ACK"));
        assertEquals(DciSubscription.UNSUBSCRIBED, state(s));
        assertEquals(0, event("child.removed", "motherId", id));
        assertEquals(0, notified(s, id));
    }

    private static String state(DciSubscription s) {
        return QuarkusTransaction.requiringNew().call(() -> DciSubscription.<DciSubscription>findById(s.id).state);
    }

    @Test
    void aCallbackOffTheAgencysAllowListIsRefusedAndNothingIsStored() {
        allowCallbacks("welfare-org");
        Map<String, Object> body = new HashMap<>(subscribe("welfare-org", "txn-" + UUID.randomUUID(), "REGISTER",
            Map.of("type", "NATIONAL_CODE", "value", NationalCodes.random())));
        Map<String, Object> elsewhere = header("subscribe", "welfare-org");
        elsewhere.put("sender_uri", "http://attacker.invalid:9/dci");
        body.put("header", elsewhere);
        post("subscribe", DciResourceTest.agency("welfare-org"), body).statusCode(403)
            .body("type", endsWith("dci-callback-host"));
        String txn = (String) ((Map<?, ?>) body.get("message")).get("transaction_id");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(
            () -> DciSubscription.count("transactionId", txn)));
    }

    @Test
    void theEnvelopeAndTheCallerAreChecked() {
        Map<String, Object> valid = subscribe("welfare-org", "t-1", "REGISTER", Map.of());
        post("subscribe", DciResourceTest.agency("welfare-org"), Map.of("header", valid.get("header")))
            .statusCode(400).contentType(startsWith("application/json"));
        given().contentType(ContentType.JSON).body(valid).when().post(BASE + "subscribe").then().statusCode(401);
        post("subscribe", Women.agency("welfare-org"), valid).statusCode(403).body("type", endsWith("dci-scope"));
        post("subscribe", DciResourceTest.agency("relief-committee"), valid).statusCode(403)
            .body("type", endsWith("dci-sender"));
        post("subscribe", DciResourceTest.agency("unknown-agency"), subscribe("unknown-agency", "t-2", "REGISTER",
            Map.of())).statusCode(403).body("type", endsWith("dci-agency"));
        post("unsubscribe", DciResourceTest.agency("welfare-org"), Map.of("signature", "unsigned",
            "header", header("unsubscribe", "welfare-org"), "message", Map.of("transaction_id", "t-3",
                "timestamp", Instant.now().toString()))).statusCode(400);
    }
}
