package ir.tehran.womenfamily.registry.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.registry.dci.DciCallbackSender;
import ir.tehran.womenfamily.registry.dci.Signatures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * A referral out travels to its agency as a signed callback, received by a real HTTP endpoint on the loopback
 * interface, with only what its purpose needs; without her consent nothing is queued; a referral an agency
 * sent in is answered back to it.
 */
@QuarkusTest
class ReferralDeliveryTest {

    private static final String CW = "delivery.cw";
    private static final String PROBLEMS = "https://women-family.tehran.ir/problems/";

    @Inject
    DciCallbackSender sender;

    @Inject
    ObjectMapper json;

    /** An agency's callback receiver: answers 200 and keeps what it got. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<String[]> received = new CopyOnWriteArrayList<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(new String[] {exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)});
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** A new agency of kind OTHER in the directory, called back at {@code base}; returns its name. */
    static String agencyAt(String client, String base) {
        String name = "انجمن ارجاع " + client;
        given().auth().oauth2(Women.admin("dci-admin")).contentType(ContentType.JSON)
            .body(Map.of("agency", name, "name", name, "callbackBaseUrls", List.of(base + "/cb"), "keys", List.of()))
            .when().put("/api/registry/dci/agencies/" + client).then().statusCode(200);
        return name;
    }

    static void consent(String id, String name) {
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(Map.of("purpose", "SHARE_WITH_AGENCY", "agency", Map.of("kind", "OTHER", "name", name),
                "givenOn", "1403-01-15", "channel", "VERBAL"))
            .when().post(Women.BASE + id + "/consents").then().statusCode(201);
    }

    static String referOut(String id, String name, String purpose) {
        return given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(Map.of("direction", "OUT", "agency", Map.of("kind", "OTHER", "name", name), "purpose", purpose))
            .when().post(Women.BASE + id + "/referrals").then().statusCode(201).extract().path("id");
    }

    /** A caseworker's move, over the version she read (If-Match). */
    static io.restassured.response.ValidatableResponse move(String id, String referralId, String state) {
        String etag = RegistryApi.etag(Women.caseworker(CW), Women.BASE + id + "/referrals/" + referralId);
        return given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("If-Match", etag)
            .body(Map.of("state", state))
            .when().post(Women.BASE + id + "/referrals/" + referralId + "/transitions").then();
    }

    static java.security.PublicKey registryKey(String base64) throws Exception {
        return java.security.KeyFactory.getInstance("Ed25519")
            .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
    }

    @Test
    void aSentReferralArrivesSignedWithOnlyWhatItsPurposeNeeds() throws Exception {
        try (Receiver agency = new Receiver()) {
            String client = "ref-out-" + UUID.randomUUID().toString().substring(0, 8);
            String name = agencyAt(client, agency.base());
            String code = NationalCodes.random();
            String id = Women.register(code);
            Women.assign(id, CW);
            consent(id, name);
            String referralId = referOut(id, name, "FINANCIAL_SUPPORT");
            sender.deliverDue();
            assertEquals(0, agency.received.size(), "nothing leaves while the referral is only proposed");

            move(id, referralId, "SENT").statusCode(200);
            sender.deliverDue();
            assertEquals(1, agency.received.size());
            assertEquals("/cb/referrals", agency.received.get(0)[0]);
            JsonNode body = json.readTree(agency.received.get(0)[1]);
            assertEquals("referral", body.path("header").path("action").asText());
            assertEquals(client, body.path("header").path("receiver_id").asText());
            Signatures.Parsed signature = Signatures.parse(body.path("signature").asText());
            assertEquals(ReferralDelivery.SENDER_ID, signature.senderId(), "signed by the registry");
            String key = given().auth().oauth2(Women.admin("dci-admin")).when().get("/api/registry/dci/signing-key")
                .then().statusCode(200).extract().path("publicKey");
            assertTrue(Signatures.verify(signature, body.path("header"), body.path("message"),
                registryKey(key)), "over {header, message} with the registry's key");
            assertEquals(ReferralDelivery.SENDER_ID, body.path("header").path("sender_id").asText());
            JsonNode referral = body.path("message").path("referral");
            assertEquals(referralId, referral.path("referral_id").asText());
            assertEquals("FINANCIAL_SUPPORT", referral.path("purpose").asText());
            assertEquals("SENT", referral.path("state").asText());
            JsonNode person = referral.path("person");
            assertEquals(code, person.path("identifier").path("identifier_value").asText());
            assertEquals("زهرا", person.path("name").path("given_name").asText());
            assertEquals(5, person.path("district").asInt());
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = person.fieldNames(); it.hasNext();) {
                fields.add(it.next());
            }
            assertEquals(List.of("identifier", "name", "district"), fields,
                "her code and name, and the district the purpose needs; no mobile, cohort or channel");
        }
    }

    @Test
    void withoutHerConsentTheReferralIsRefusedAndNothingIsQueued() throws Exception {
        try (Receiver agency = new Receiver()) {
            String client = "ref-refused-" + UUID.randomUUID().toString().substring(0, 8);
            String name = agencyAt(client, agency.base());
            String id = Women.registerWithCase(CW);
            given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
                .body(Map.of("direction", "OUT", "agency", Map.of("kind", "OTHER", "name", name)))
                .when().post(Women.BASE + id + "/referrals").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "consent-required"));
            // with consent when proposed, revoked before sending
            consent(id, name);
            String referralId = referOut(id, name, "LEGAL_AID");
            String consentId = given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/consents")
                .then().extract().path("items[0].id");
            String consentPath = Women.BASE + id + "/consents/" + consentId;
            given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
                .header("If-Match", RegistryApi.etag(Women.caseworker(CW), consentPath))
                .when().post(consentPath + "/revocation").then().statusCode(200);
            move(id, referralId, "SENT").statusCode(409).body("type", equalTo(PROBLEMS + "consent-required"));
            sender.deliverDue();
            assertEquals(0, agency.received.size(), "nothing was queued for her");
        }
    }

    @Test
    void aReferralInIsAnsweredBackToTheAgencyThatSentIt() throws Exception {
        try (Receiver agency = new Receiver()) {
            String client = "ref-in-" + UUID.randomUUID().toString().substring(0, 8);
            agencyAt(client, agency.base());
            String code = NationalCodes.random();
            String id = Women.register(code);
            Women.assign(id, CW);
            String token = TestTokens.token().subject(client).clientId(client).groups("agency")
                .claim("scope", AgencyReferralService.SCOPE).sign();
            String referralId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("nationalCode", code, "purpose", "HEALTH_CARE"))
                .when().post("/api/registry/agency/referrals").then().statusCode(201).extract().path("id");
            move(id, referralId, "DECLINED").statusCode(200);
            sender.deliverDue();
            assertEquals(1, agency.received.size());
            JsonNode body = json.readTree(agency.received.get(0)[1]);
            assertEquals("referral-moved", body.path("header").path("action").asText());
            JsonNode referral = body.path("message").path("referral");
            assertEquals(referralId, referral.path("referral_id").asText());
            assertEquals("DECLINED", referral.path("state").asText());
            assertTrue(referral.path("person").isMissingNode(), "no personal data in an answer");
        }
    }
}
