package ir.tehran.womenfamily.registry.dci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.Women;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The async search (ACK, then a signed on-search callback to sender_uri on the allow-list), transaction status
 * (sync and async, the agency's own transactions only, no record again), and the verification of incoming
 * signatures (unsigned, malformed, wrong key, expired, tampered).
 */
@QuarkusTest
class DciAsyncTest {

    private static final String BASE = "/api/registry/dci/registry/";

    @Inject
    DciCallbackSender sender;

    @Inject
    ObjectMapper json;

    private static String newClient(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> header(String sender, String action, String senderUri) {
        Map<String, Object> header = new HashMap<>(Map.of("version", "1.0.0", "message_id",
            UUID.randomUUID().toString(), "message_ts", Instant.now().toString(), "action", action,
            "sender_id", sender, "receiver_id", "registry", "total_count", 1));
        if (senderUri != null) {
            header.put("sender_uri", senderUri);
        }
        return header;
    }

    private static Map<String, Object> searchMessage(String txn, String code) {
        return Map.of("transaction_id", txn, "search_request", List.of(Map.of("reference_id", "ref-1",
            "timestamp", Instant.now().toString(), "search_criteria", DciResourceTest.byCode(code))));
    }

    private static Map<String, Object> statusMessage(String value) {
        return Map.of("transaction_id", "ts-" + UUID.randomUUID(), "txnstatus_request", Map.of(
            "reference_id", "ref-s", "txn_type", "search", "attribute_type", "transaction_id",
            "attribute_value", value));
    }

    private static ValidatableResponse post(String client, String path, Object body) {
        return given().auth().oauth2(DciResourceTest.agency(client)).contentType(ContentType.JSON).body(body)
            .when().post(BASE + path).then();
    }

    private static String consent(String id, String agencyName) {
        return given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body(Map.of("purpose", "SHARE_WITH_AGENCY", "agency", Map.of("kind", "OTHER", "name", agencyName),
                "givenOn", "2024-03-06", "channel", "PAPER"))
            .when().post(Women.BASE + id + "/consents").then().statusCode(201).extract().path("id");
    }

    @Test
    void anAsyncSearchIsAcknowledgedAndAnsweredBySignedCallbackAndItsStatusIsKept() throws Exception {
        try (CallbackEndpoint agency = new CallbackEndpoint("127.0.0.1", 200)) {
            String client = newClient("async");
            String name = "Agency " + client;
            DciCallbacksTest.putAgency(client, name, List.of(agency.base()), List.of());
            String code = NationalCodes.random();
            consent(Women.register(code), name);
            String txn = "txn-" + UUID.randomUUID();
            String correlation = post(client, "search", Map.of("signature", "unsigned-stub",
                    "header", header(client, "search", agency.base() + "/sp"),
                    "message", searchMessage(txn, code)))
                .statusCode(200).body("message.ack_status", equalTo("ACK"))
                .body("message.correlation_id", notNullValue()).extract().path("message.correlation_id");

            sender.deliverDue();
            CallbackEndpoint.Received callback = agency.received().stream()
                .filter(r -> r.path().equals("/sp/registry/on-search")).findFirst().orElseThrow();
            JsonNode body = json.readTree(callback.body());
            assertEquals("on-search", body.path("header").path("action").asText());
            assertEquals(txn, body.path("message").path("transaction_id").asText());
            assertEquals(correlation, body.path("message").path("correlation_id").asText());
            assertEquals(code, body.path("message").path("search_response").path(0).path("data")
                .path("reg_records").path(0).path("identifier").path("identifier_value").asText());
            String key = given().auth().oauth2(Women.admin("dci-admin")).when()
                .get("/api/registry/dci/signing-key").then().statusCode(200).extract().path("publicKey");
            assertTrue(Signatures.verify(Signatures.parse(body.path("signature").asText()), body.path("header"),
                body.path("message"), Ed25519Keys.publicKey(key)));

            // the status: the items' statuses, never the record again; another agency does not find it
            post(client, "sync/txn/status", Map.of("signature", "unsigned-stub",
                    "header", header(client, "txn-status", null), "message", statusMessage(txn)))
                .statusCode(200).body("header.action", equalTo("txn-on-status"))
                .body("header.status", equalTo("succ"))
                .body("message.txnstatus_response.txn_status.transaction_id", equalTo(txn))
                .body("message.txnstatus_response.txn_status.correlation_id", equalTo(correlation))
                .body("message.txnstatus_response.txn_status.search_response", hasSize(1))
                .body("message.txnstatus_response.txn_status.search_response[0].status", equalTo("succ"))
                .body("message.txnstatus_response.txn_status.search_response[0].data", nullValue());
            post("welfare-org", "sync/txn/status", Map.of("signature", "unsigned-stub",
                    "header", header("welfare-org", "txn-status", null), "message", statusMessage(txn)))
                .statusCode(200).body("header.status", equalTo("rjct"))
                .body("message.txnstatus_response.txn_status.search_response", hasSize(0));

            String statusCorrelation = post(client, "txn/status", Map.of("signature", "unsigned-stub",
                    "header", header(client, "txn-status", agency.base() + "/sp"), "message", statusMessage(txn)))
                .statusCode(200).body("message.ack_status", equalTo("ACK")).extract().path("message.correlation_id");
            sender.deliverDue();
            JsonNode status = json.readTree(agency.received().stream()
                .filter(r -> r.path().equals("/sp/registry/txn/on-status")).findFirst().orElseThrow().body());
            assertEquals("txn-on-status", status.path("header").path("action").asText());
            assertEquals(statusCorrelation, status.path("message").path("correlation_id").asText());
        }
    }

    @Test
    void anOnSearchQueuedBeforeHerConsentWasRevokedIsWithdrawnNotSent() throws Exception {
        try (CallbackEndpoint agency = new CallbackEndpoint("127.0.0.1", 200)) {
            String client = newClient("async-revoked");
            String name = "Agency " + client;
            DciCallbacksTest.putAgency(client, name, List.of(agency.base()), List.of());
            String code = NationalCodes.random();
            String woman = Women.register(code);
            String consentId = consent(woman, name);
            String txn = "txn-" + UUID.randomUUID();
            post(client, "search", Map.of("signature", "unsigned-stub",
                    "header", header(client, "search", agency.base() + "/sp"), "message", searchMessage(txn, code)))
                .statusCode(200).body("message.ack_status", equalTo("ACK"));
            // queued with her record; she revokes before it is sent
            String etag = given().auth().oauth2(Women.caseworker("registrar")).when()
                .get(Women.BASE + woman + "/consents/" + consentId).then().statusCode(200).extract().header("ETag");
            given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
                .header("If-Match", etag).when()
                .post(Women.BASE + woman + "/consents/" + consentId + "/revocation").then().statusCode(200);

            sender.deliverDue();
            assertTrue(agency.received().stream().noneMatch(r -> r.path().equals("/sp/registry/on-search")),
                "an on-search left after her consent was revoked");
            DciCallback callback = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(
                () -> DciCallback.<DciCallback>find("transactionId", txn).firstResult());
            assertEquals(DciCallback.Status.WITHDRAWN, callback.status);
            assertEquals(0, callback.attempts);
            // never sent later either, and the withdrawal is audited, on the callback and on her
            DciCallbacksTest.backoffPassed();
            sender.deliverDue();
            assertEquals(0, agency.received().size());
            Women.audit(DciCallbacks.RESOURCE, callback.id.toString()).then()
                .body("items.action", org.hamcrest.Matchers.hasItem("dci.callback.withdraw"));
            Women.audit(DciSearch.RESOURCE, woman).then()
                .body("items.action", org.hamcrest.Matchers.hasItem("dci.callback.withdraw"));
        }
    }

    @Test
    void anAsyncSearchWhoseSenderUriIsNotOnTheAllowListIsRefusedAndNothingLeaves() throws Exception {
        try (CallbackEndpoint allowed = new CallbackEndpoint("127.0.0.1", 200);
             CallbackEndpoint other = new CallbackEndpoint("127.0.0.1", 200)) {
            String client = newClient("async-ssrf");
            DciCallbacksTest.putAgency(client, "Agency " + client, List.of(allowed.base()), List.of());
            post(client, "search", Map.of("signature", "unsigned-stub",
                    "header", header(client, "search", other.base()),
                    "message", searchMessage("txn-" + UUID.randomUUID(), NationalCodes.random())))
                .statusCode(403).body("type", org.hamcrest.Matchers.endsWith("dci-callback-host"));
            post(client, "search", Map.of("signature", "unsigned-stub", "header", header(client, "search", null),
                    "message", searchMessage("txn-" + UUID.randomUUID(), NationalCodes.random())))
                .statusCode(400);
            sender.deliverDue();
            assertEquals(0, other.received().size());
            assertEquals(0, allowed.received().size());
        }
    }

    private Map<String, Object> signed(KeyPair pair, String client, String keyId, Map<String, Object> header,
            Map<String, Object> message, long created, long expires) {
        JsonNode h = json.valueToTree(header);
        JsonNode m = json.valueToTree(message);
        String signature = Signatures.sign(h, m, client, keyId, pair.getPrivate(), created, expires);
        return Map.of("signature", signature, "header", header, "message", message);
    }

    @Test
    void incomingSignaturesAreVerifiedWithTheAgencysKeysAndValidity() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String client = newClient("signed");
        DciCallbacksTest.putAgency(client, "Agency " + client, List.of(), List.of(Map.of("keyId", "k1",
            "publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
            "validFrom", "2020-01-01T00:00:00Z")));
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = header(client, "search", null);
        Map<String, Object> message = searchMessage("txn-" + UUID.randomUUID(), NationalCodes.random());

        post(client, "sync/search", signed(pair, client, "k1", header, message, now, now + 300)).statusCode(200);
        // unsigned: this agency has a key, so it must sign
        post(client, "sync/search", Map.of("signature", "unsigned-stub", "header", header, "message", message))
            .statusCode(401).body("code", equalTo("err.signature.missing"));
        post(client, "sync/search", Map.of("signature", "invalid-signature", "header", header, "message", message))
            .statusCode(401).body("code", equalTo("err.signature.invalid"));
        // wrong key, unknown key id, expired, created in the future, window too long
        post(client, "sync/search", signed(other, client, "k1", header, message, now, now + 300)).statusCode(401)
            .body("type", org.hamcrest.Matchers.endsWith("dci-signature-invalid"));
        post(client, "sync/search", signed(pair, client, "k9", header, message, now, now + 300)).statusCode(401);
        post(client, "sync/search", signed(pair, client, "k1", header, message, now - 900, now - 600))
            .statusCode(401).body("type", org.hamcrest.Matchers.endsWith("dci-signature-expired"));
        post(client, "sync/search", signed(pair, client, "k1", header, message, now + 600, now + 900))
            .statusCode(401);
        post(client, "sync/search", signed(pair, client, "k1", header, message, now, now + 86_400))
            .statusCode(401);
        // tampered: signed over one message, another sent
        Map<String, Object> good = signed(pair, client, "k1", header, message, now, now + 300);
        post(client, "sync/search", Map.of("signature", good.get("signature"), "header", header,
            "message", searchMessage("txn-" + UUID.randomUUID(), NationalCodes.random()))).statusCode(401);
        // a key past its validity no longer verifies
        DciCallbacksTest.putAgency(client, "Agency " + client, List.of(), List.of(Map.of("keyId", "k1",
            "publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
            "validFrom", "2020-01-01T00:00:00Z", "validUntil", "2021-01-01T00:00:00Z")));
        post(client, "sync/search", signed(pair, client, "k1", header, message, now, now + 300)).statusCode(401);

        // an agency without keys: unsigned is accepted on its token, a malformed signature is not
        post("welfare-org", "sync/search", DciResourceTest.envelope("welfare-org",
            DciResourceTest.byCode(NationalCodes.random()))).statusCode(200);
        Map<String, Object> invalid = new HashMap<>(DciResourceTest.envelope("welfare-org",
            DciResourceTest.byCode(NationalCodes.random())));
        invalid.put("signature", "invalid-signature");
        post("welfare-org", "sync/search", invalid).statusCode(401);
    }
}
