package ir.tehran.womenfamily.registry.dci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.registry.cohort.CohortMembership;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry as a DCI client of another agency's registry, proven against a real registry over HTTP: the
 * "agency" is this registry itself, its DCI API served by the test's own instance on 127.0.0.1, so every call goes
 * out through the client (signed, with the agency's token, to an allow-listed origin), is answered by the DCI server
 * (which checks the signature and her consent), and its callbacks (on-subscribe, notify) come back signed through
 * the callback outbox to the registry's subscriber endpoints.
 */
@QuarkusTest
class AgencyRegistryTest {

    /** The registry's own DCI id: as an agency of its own directory, it is the "remote agency". */
    private static final String AGENCY = Envelopes.RECEIVER;
    private static final String RECEIVER = "/api/registry/dci/subscriber/registry/";

    @Inject
    RegistrySigningKey signingKey;

    @Inject
    DciCallbackSender sender;

    @Inject
    TokenSeal seal;

    @Inject
    DciNotifications notifications;

    @Inject
    ObjectMapper json;

    private String origin;

    /** The agency (the registry itself) in the directory with its key and origin, and its registry recorded. */
    @BeforeEach
    void agencyRegistry() {
        origin = "http://127.0.0.1:" + RestAssured.port;
        given().auth().oauth2(Women.admin("dci-admin")).contentType(ContentType.JSON)
            .body(Map.of("agency", "RELIEF_COMMITTEE", "name", "Relief Committee registry",
                "callbackBaseUrls", List.of(origin + "/api/registry/dci"),
                "keys", List.of(Map.of("keyId", "1", "publicKey", signingKey.view().publicKey()))))
            .when().put("/api/registry/dci/agencies/" + AGENCY).then().statusCode(200);
        given().auth().oauth2(Women.admin("dci-admin")).contentType(ContentType.JSON)
            .body(Map.of("baseUrl", origin + "/api/registry/dci", "senderUri", origin + "/api/registry/dci/subscriber",
                "accessToken", DciResourceTest.agency(AGENCY)))
            .when().put("/api/registry/dci/agencies/" + AGENCY + "/registry").then().statusCode(200)
            .body("hasAccessToken", equalTo(true)).body("accessToken", equalTo(null));
    }

    @Test
    void theAgencysTokenIsSealedAtRestAndOpensOnlyForItsAgency() {
        RemoteRegistry stored = QuarkusTransaction.requiringNew().call(() -> RemoteRegistry.findById(AGENCY));
        assertTrue(stored.accessToken.startsWith(TokenSeal.PREFIX), stored.accessToken);
        assertFalse(stored.accessToken.contains("eyJ"), "no part of the token in the clear");
        String opened = seal.open(AGENCY, stored.accessToken).orElseThrow();
        assertTrue(opened.startsWith("eyJ"), "the agency's token opens");
        assertNotEquals(stored.accessToken, seal.seal(AGENCY, opened), "a fresh nonce each time");
        ProblemException moved = assertThrows(ProblemException.class,
            () -> seal.open("another-agency", stored.accessToken));
        assertEquals(503, moved.status());
    }

    private static String consent(String id) {
        return given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"RELIEF_COMMITTEE\"},"
                + "\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse support(String id) {
        return given().auth().oauth2(Women.admin("support-reader")).when().get(Women.BASE + id + "/agency-support")
            .then().statusCode(200);
    }

    /** A notify envelope about the woman with {@code code}, as the agency's registry sends it (unsigned). */
    private ObjectNode notifyOf(String sender, String code, String eventId) {
        ObjectNode body = json.createObjectNode();
        ObjectNode header = body.putObject("header");
        header.put("version", "1.0.0").put("message_id", UUID.randomUUID().toString())
            .put("message_ts", Instant.now().toString()).put("action", "notify").put("sender_id", sender)
            .put("receiver_id", AGENCY).put("total_count", 1);
        ObjectNode message = body.putObject("message");
        message.put("transaction_id", UUID.randomUUID().toString());
        ObjectNode event = message.putArray("notify_event").addObject();
        event.put("reference_id", eventId).put("timestamp", Instant.now().toString());
        ObjectNode data = event.putObject("data");
        data.put("version", "1.0.0").put("reg_type", "ns:org:RegistryType:Social").put("reg_event_type", "REGISTER")
            .put("reg_record_type", "Person");
        data.putObject("reg_records").putObject("identifier").put("identifier_type", "NATIONAL_CODE")
            .put("identifier_value", code);
        return body;
    }

    private ObjectNode signed(ObjectNode body) {
        body.put("signature", signingKey.sign(body.path("header"), body.path("message")));
        return body;
    }

    private static ValidatableResponse receive(Object body) {
        return given().contentType(ContentType.JSON).body(body.toString()).when().post(RECEIVER + "notify").then();
    }

    private String subscribeAndConfirm(String id) {
        String subscription = given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body(Map.of("beneficiaryId", id, "eventType", "REGISTER"))
            .when().post("/api/registry/dci/agencies/" + AGENCY + "/registry/subscriptions").then().statusCode(201)
            .body("state", equalTo("REQUESTED")).extract().path("id");
        // the agency's registry answers with a signed on-subscribe through its callback outbox
        sender.deliverDue();
        RemoteSubscription s = QuarkusTransaction.requiringNew().call(() -> RemoteSubscription.findById(
            UUID.fromString(subscription)));
        assertEquals(RemoteSubscription.State.ACTIVE, s.state);
        assertTrue(s.code != null && !s.code.isBlank());
        return subscription;
    }

    @Test
    void aSearchGoesToTheAgencysRegistryUnderHerConsentAndItsAnswerComesBack() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        String path = "/api/registry/dci/agencies/" + AGENCY + "/registry/search";
        // no consent for the agency: nothing leaves, and the refusal says why
        given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body(Map.of("beneficiaryId", id)).when().post(path).then().statusCode(403)
            .contentType("application/problem+json").body("type", equalTo("https://women-family.tehran.ir/problems/dci-remote-consent"));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200).body("items.size()", equalTo(0));
        consent(id);
        given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body(Map.of("beneficiaryId", id)).when().post(path).then().statusCode(200)
            .body("clientId", equalTo(AGENCY)).body("agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("status", equalTo("succ")).body("enrolled", equalTo(true))
            .body("records[0].identifier.identifier_value", equalTo(code))
            .body("transactionId", notNullValue());
        // what left is in her disclosure log (the client's), and the agency's registry released her (the server's)
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200).body("items.what", hasItem(AgencyRegistries.WHAT_SEARCH))
            .body("items.what", hasItem(DciSearch.WHAT));
        Women.audit(DciSearch.RESOURCE, id).then().body("items.action", hasItem("dci.remote.search"));
        // nothing of the answer is stored as support
        support(id).body("items.size()", equalTo(0));
    }

    @Test
    void noSearchLeavesForAWomanInASensitiveCohortEvenUnderHerConsent() {
        String id = Women.register(NationalCodes.random());
        consent(id);
        QuarkusTransaction.requiringNew().run(() -> CohortMembership.join(UUID.fromString(id), "PRISON_RELEASE",
            LocalDate.now().minusDays(30), null, "registrar", Instant.now()).persist());
        // the same refusal as without consent: it tells the caller nothing of the cohort
        given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body(Map.of("beneficiaryId", id)).when().post("/api/registry/dci/agencies/" + AGENCY + "/registry/search")
            .then().statusCode(403).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/dci-remote-consent"));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200).body("items.size()", equalTo(0));
        Women.audit(DciSearch.RESOURCE, id).then().body("items.action", hasItem("dci.remote.refuse"));
    }

    @Test
    void aSubscribedAgencysNotifyBecomesHerSupportOncePerEvent() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        consent(id);
        String subscription = subscribeAndConfirm(id);
        // she is registered at the agency: its registry notifies the registry, signed, through its outbox
        notifications.notifyOf(UUID.randomUUID().toString(), "ir.tehran.womenfamily.registry.beneficiary.registered",
            json.createObjectNode().put("beneficiaryId", id));
        sender.deliverDue();
        // received and audited, but being in the agency's register is not support: nothing is recorded
        Women.audit(DciSearch.RESOURCE, id).then().body("items.action", hasItem("dci.remote.notify.receive"));
        support(id).body("items.size()", equalTo(0));
        // an event with support data: its facts, once however often the agency retries it
        ObjectNode withSupport = notifyOf(AGENCY, code, "event-" + UUID.randomUUID());
        ((ObjectNode) withSupport.path("message").path("notify_event").path(0).path("data").path("reg_records"))
            .putArray("support").addObject().put("kind", "MONTHLY_ALLOWANCE").put("amount_rials", 25000000)
            .put("from", "1403-01-01").put("to", "1403-06-01");
        receive(signed(withSupport.deepCopy())).statusCode(200).body("message.ack_status", equalTo("ACK"));
        receive(signed(withSupport.deepCopy())).statusCode(200);
        support(id).body("items.size()", equalTo(1)).body("items[0].source", equalTo("AGENCY"))
            .body("items[0].agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("items[0].kind", equalTo("MONTHLY_ALLOWANCE")).body("items[0].amountRials", equalTo(25000000))
            .body("items[0].months", equalTo(6));
        // unsubscribed: the agency's notify is refused from now on
        given().auth().oauth2(Women.caseworker("registrar"))
            .when().delete("/api/registry/dci/agencies/" + AGENCY + "/registry/subscriptions/" + subscription)
            .then().statusCode(200).body("state", equalTo("UNSUBSCRIBED"));
        receive(signed(notifyOf(AGENCY, code, "event-" + UUID.randomUUID()))).statusCode(403)
            .body("type", equalTo("https://women-family.tehran.ir/problems/dci-notify-not-subscribed"));
        support(id).body("items.size()", equalTo(1));
    }

    @Test
    void anUnsignedForgedOrUnknownNotifyIsRefused() throws Exception {
        String code = NationalCodes.random();
        String id = Women.register(code);
        consent(id);
        subscribeAndConfirm(id);
        // unsigned
        ObjectNode unsigned = notifyOf(AGENCY, code, "event-" + UUID.randomUUID());
        unsigned.put("signature", "unsigned");
        receive(unsigned).statusCode(401).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/dci-signature-missing"));
        // signed, then changed
        ObjectNode forged = signed(notifyOf(AGENCY, code, "event-" + UUID.randomUUID()));
        ((ObjectNode) forged.path("message").path("notify_event").path(0)).put("timestamp", "2020-01-01T00:00:00Z");
        receive(forged).statusCode(401).body("type", equalTo("https://women-family.tehran.ir/problems/dci-signature-invalid"));
        // signed by a key no agency of the directory has, as an unknown sender
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ObjectNode unknown = notifyOf("unknown-agency", code, "event-" + UUID.randomUUID());
        long now = Instant.now().getEpochSecond();
        unknown.put("signature", Signatures.sign(unknown.path("header"), unknown.path("message"), "unknown-agency",
            "1", stranger.getPrivate(), now, now + 60));
        receive(unknown).statusCode(401).body("type", equalTo("https://women-family.tehran.ir/problems/dci-signature-invalid"));
        // properly signed, about a woman not in the register
        receive(signed(notifyOf(AGENCY, NationalCodes.random(), "event-" + UUID.randomUUID()))).statusCode(404)
            .body("type", equalTo("https://women-family.tehran.ir/problems/dci-notify-woman"));
        // properly signed, about a woman of the register the registry did not subscribe to
        String other = NationalCodes.random();
        Women.register(other);
        receive(signed(notifyOf(AGENCY, other, "event-" + UUID.randomUUID()))).statusCode(403)
            .body("type", equalTo("https://women-family.tehran.ir/problems/dci-notify-not-subscribed"));
        support(id).body("items.size()", equalTo(0));
        JsonNode refusals = json.readTree(Women.audit(AgencyRegistries.RESOURCE, AGENCY).asString());
        assertTrue(refusals.path("items").size() >= 2);
    }
}
