package ir.tehran.womenfamily.registry.dci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The agency directory and the signed callback delivery, against real HTTP endpoints on the loopback
 * interface: retries after the agency's endpoint was down, the allow-list (a callback to any other origin
 * never leaves), no redirect followed, dead letters and their re-sending, the registry's signature.
 */
@QuarkusTest
class DciCallbacksTest {

    static final String ADMIN_BASE = "/api/registry/dci/";

    @Inject
    DciCallbacks callbacks;

    @Inject
    DciCallbackSender sender;

    @Inject
    ObjectMapper json;

    static String publicKey() throws Exception {
        return Base64.getEncoder().encodeToString(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
    }

    static void putAgency(String client, String kind, List<String> bases, List<Map<String, Object>> keys) {
        given().auth().oauth2(Women.admin("dci-admin")).contentType(ContentType.JSON)
            .body(Map.of("agency", kind, "name", "Agency " + client, "callbackBaseUrls", bases, "keys", keys))
            .when().put(ADMIN_BASE + "agencies/" + client).then().statusCode(200);
    }

    static Map<String, Object> envelope(String action) {
        return Map.of("header", Map.of("version", "1.0.0", "message_id", UUID.randomUUID().toString(),
                "message_ts", Instant.now().toString(), "action", action, "status", "succ"),
            "message", Map.of("transaction_id", "t-" + UUID.randomUUID()));
    }

    /** Makes every waiting callback due now, as the passing of its back-off would. */
    static void backoffPassed() {
        QuarkusTransaction.requiringNew().run(() -> DciCallback.update(
            "nextAttemptAt = ?1 where status = ?2", Instant.now().minusSeconds(1), DciCallback.Status.PENDING));
    }

    static DciCallback callback(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> DciCallback.<DciCallback>findById(id));
    }

    @Test
    void aCallbackIsRetriedAfterTheAgencyWasDownAndArrivesSignedByTheRegistry() throws Exception {
        try (CallbackEndpoint agency = new CallbackEndpoint("127.0.0.1", 503, 200)) {
            String client = "cb-retry-" + UUID.randomUUID().toString().substring(0, 8);
            putAgency(client, "Agency " + client, List.of(agency.base() + "/dci"), List.of());
            UUID id = callbacks.send(client, "/registry/on-search", envelope("on-search"));

            sender.deliverDue();
            DciCallback first = callback(id);
            assertEquals(DciCallback.Status.PENDING, first.status);
            assertEquals(1, first.attempts);
            assertEquals(503, first.lastHttpStatus);
            assertTrue(first.nextAttemptAt.isAfter(Instant.now()), "waits for its back-off");
            sender.deliverDue();
            assertEquals(1, agency.received().size(), "not sent again before its back-off");

            backoffPassed();
            sender.deliverDue();
            DciCallback second = callback(id);
            assertEquals(DciCallback.Status.SENT, second.status);
            assertEquals(2, second.attempts);
            assertEquals(2, agency.received().size());
            assertEquals("/dci/registry/on-search", agency.received().get(1).path());

            JsonNode body = json.readTree(agency.received().get(1).body());
            Signatures.Parsed signature = Signatures.parse(body.path("signature").asText());
            assertEquals(Envelopes.RECEIVER, signature.senderId());
            String key = given().auth().oauth2(Women.admin("dci-admin")).when().get(ADMIN_BASE + "signing-key")
                .then().statusCode(200).extract().path("publicKey");
            assertTrue(Signatures.verify(signature, body.path("header"), body.path("message"),
                Ed25519Keys.publicKey(key)), "signed by the registry's key over {header, message}");
            ((com.fasterxml.jackson.databind.node.ObjectNode) body.path("message")).put("transaction_id", "forged");
            assertTrue(!Signatures.verify(signature, body.path("header"), body.path("message"),
                Ed25519Keys.publicKey(key)), "a changed message no longer verifies");
        }
    }

    @Test
    void aCallbackToAnOriginNotOnTheAllowListNeverLeaves() throws Exception {
        try (CallbackEndpoint allowed = new CallbackEndpoint("127.0.0.1", 200);
             CallbackEndpoint other = new CallbackEndpoint("127.0.0.1", 200)) {
            String client = "cb-allow-" + UUID.randomUUID().toString().substring(0, 8);
            putAgency(client, "Agency " + client, List.of(allowed.base() + "/dci"), List.of());
            // another port on the same host, another host, another scheme, user info: all refused
            for (String target : List.of(other.base() + "/registry/on-search",
                    "http://localhost:" + allowed.port() + "/registry/on-search",
                    "https://127.0.0.1:" + allowed.port() + "/registry/on-search",
                    "http://evil@127.0.0.1:" + allowed.port() + "/x", "file:///etc/passwd")) {
                ProblemException refused = assertThrows(ProblemException.class,
                    () -> callbacks.send(client, target, envelope("on-search")));
                assertEquals(403, refused.status());
            }
            // an agency not in the directory has no allow-list at all
            assertThrows(ProblemException.class,
                () -> callbacks.send("no-such-agency", allowed.base() + "/x", envelope("on-search")));
            UUID queued = callbacks.send(client, allowed.base() + "/elsewhere/on-search", envelope("on-search"));
            // the allow-list changes before delivery: the queued callback is refused at delivery and dies unsent
            putAgency(client, "Agency " + client, List.of(other.base() + "/dci"), List.of());
            sender.deliverDue();
            assertEquals(DciCallback.Status.DEAD, callback(queued).status);
            assertEquals(0, allowed.received().size());
            assertEquals(0, other.received().size());
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (CallbackEndpoint target = new CallbackEndpoint("127.0.0.1", 200);
             CallbackEndpoint agency = new CallbackEndpoint("127.0.0.1", 307)) {
            agency.redirectTo(target.base() + "/stolen");
            String client = "cb-redirect-" + UUID.randomUUID().toString().substring(0, 8);
            putAgency(client, "Agency " + client, List.of(agency.base()), List.of());
            UUID id = callbacks.send(client, "/registry/on-search", envelope("on-search"));
            sender.deliverDue();
            DciCallback c = callback(id);
            assertEquals(DciCallback.Status.PENDING, c.status);
            assertEquals(307, c.lastHttpStatus);
            assertEquals(0, target.received().size());
        }
    }

    @Test
    void afterTheLastAttemptACallbackIsADeadLetterThatAnAdminListsAndSendsAgain() throws Exception {
        try (CallbackEndpoint agency = new CallbackEndpoint("127.0.0.1", 500)) {
            String client = "cb-dead-" + UUID.randomUUID().toString().substring(0, 8);
            putAgency(client, "Agency " + client, List.of(agency.base()), List.of());
            UUID id = callbacks.send(client, "/registry/on-search", envelope("on-search"));
            for (int i = 0; i < 3; i++) {
                backoffPassed();
                sender.deliverDue();
            }
            assertEquals(DciCallback.Status.DEAD, callback(id).status);
            given().auth().oauth2(Women.admin("dci-admin")).when().get(ADMIN_BASE + "callbacks")
                .then().statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("items.find { it.id == '" + id + "' }.attempts", equalTo(3))
                .body("items.find { it.id == '" + id + "' }.lastHttpStatus", equalTo(500))
                .body("items.find { it.id == '" + id + "' }", not(org.hamcrest.Matchers.hasKey("body")));
            given().auth().oauth2(Women.caseworker("not-admin")).when().get(ADMIN_BASE + "callbacks")
                .then().statusCode(403);

            agency.answer(200);
            given().auth().oauth2(Women.admin("dci-admin")).when().post(ADMIN_BASE + "callbacks/" + id + "/resend")
                .then().statusCode(200).body("status", equalTo("PENDING")).body("attempts", equalTo(0));
            given().auth().oauth2(Women.admin("dci-admin")).when().post(ADMIN_BASE + "callbacks/" + id + "/resend")
                .then().statusCode(409);
            sender.deliverDue();
            assertEquals(DciCallback.Status.SENT, callback(id).status);
            assertEquals(4, agency.received().size());
            Women.audit(DciCallbacks.RESOURCE, id.toString()).then()
                .body("items.action", hasItem("dci.callback.resend"))
                .body("items.action", hasItem("dci.callback.dead"));
        }
    }

    @Test
    void theBackOffDoublesUpToItsLimit() {
        assertEquals(Duration.ofSeconds(1), sender.backoff(1));
        assertEquals(Duration.ofSeconds(2), sender.backoff(2));
        assertEquals(Duration.ofSeconds(4), sender.backoff(3));
        assertEquals(Duration.ofHours(1), sender.backoff(40));
    }

    @Test
    void theDirectoryIsKeptByAdminsWithValidKeysAndUrlsAndAudited() throws Exception {
        String client = "dir-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = Women.admin("dci-admin");
        Map<String, Object> key = Map.of("keyId", "k1", "publicKey", publicKey(),
            "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2027-01-01T00:00:00Z");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
            .body(Map.of("agency", "RELIEF_COMMITTEE", "callbackBaseUrls", List.of("https://dci.emdad.ir/api"),
                "keys", List.of(key)))
            .when().put(ADMIN_BASE + "agencies/" + client).then().statusCode(200)
            .body("agency", equalTo("RELIEF_COMMITTEE")).body("keys[0].keyId", equalTo("k1"))
            .body("callbackBaseUrls[0]", equalTo("https://dci.emdad.ir/api"));
        given().auth().oauth2(admin).when().get(ADMIN_BASE + "agencies/" + client).then().statusCode(200)
            .header("ETag", equalTo("\"0\""));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"7\"")
            .body(Map.of("agency", "RELIEF_COMMITTEE", "callbackBaseUrls", List.of(), "keys", List.of()))
            .when().put(ADMIN_BASE + "agencies/" + client).then().statusCode(412);
        for (Map<String, Object> bad : List.of(
                Map.of("agency", "X", "callbackBaseUrls", List.of("ftp://host/x"), "keys", List.of()),
                Map.of("agency", "X", "callbackBaseUrls", List.of("https://host/x?a=1"), "keys", List.of()),
                Map.of("agency", "X", "callbackBaseUrls", List.of(), "keys",
                    List.of(Map.of("keyId", "k", "publicKey", "bm90IGEga2V5")))) ) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(bad)
                .when().put(ADMIN_BASE + "agencies/" + client).then().statusCode(400);
        }
        given().auth().oauth2(Women.caseworker("not-admin")).when().get(ADMIN_BASE + "agencies").then()
            .statusCode(403);
        given().auth().oauth2(admin).when().get(ADMIN_BASE + "agencies?limit=200").then().statusCode(200)
            .body("items.clientId", hasItem("welfare-org")).body("items.clientId", hasItem("relief-committee"));
        Women.audit(AgencyDirectory.RESOURCE, client).then().body("items.action", hasItem("dci.agency.create"));
        given().auth().oauth2(admin).when().delete(ADMIN_BASE + "agencies/" + client).then().statusCode(204);
        given().auth().oauth2(admin).when().get(ADMIN_BASE + "agencies/" + client).then().statusCode(404);
    }
}
