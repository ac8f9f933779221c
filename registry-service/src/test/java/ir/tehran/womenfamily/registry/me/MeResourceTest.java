package ir.tehran.womenfamily.registry.me;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import org.junit.jupiter.api.Test;

/**
 * A woman's own API ({@code /me}), signed in with her mobile number: she reads her record and children without what
 * is withheld from her, revokes a consent (announced as every revocation is), asks for a correction that a
 * caseworker of her district handles (announced as {@code correction.handled}) and no other can; one not in the
 * register applies to the campaign and a caseworker of her district confirms her; the gateway's lookup by number.
 */
@QuarkusTest
class MeResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Her token as the gateway makes it after a one-time code. */
    static String woman(String beneficiaryId) {
        TestTokens t = TestTokens.token().subject("woman:" + UUID.randomUUID()).groups("woman");
        if (beneficiaryId != null) {
            t.claim("beneficiary_id", beneficiaryId);
        }
        return t.sign();
    }

    private static String mobile() {
        return "0912" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String registerWithMobile(String mobile, int district) {
        return RegistryApi.register(RegistryApi.admin(), "\"firstName\":\"زهرا\",\"lastName\":\"محمدی\","
            + "\"district\":" + district + ",\"mobile\":\"" + mobile + "\"");
    }

    @Test
    void sheReadsHerRecordAndChildrenWithoutWhatIsWithheld() {
        String id = registerWithMobile(mobile(), 5);
        RegistryApi.as(RegistryApi.admin()).body("{\"firstName\":\"علی\",\"lastName\":\"محمدی\",\"nationalCode\":\""
            + NationalCodes.random() + "\",\"birthDate\":\"2015-03-01\",\"gender\":\"MALE\"}")
            .post(RegistryApi.BENEFICIARIES + "/" + id + "/children").then().statusCode(201);

        Response record = RegistryApi.as(woman(id)).get("/api/registry/me").then().statusCode(200).extract()
            .response();
        assertEquals(id, record.path("id"));
        assertEquals("زهرا", record.path("firstName"));
        for (String withheld : List.of("supportLevel", "status", "registrationChannel", "mergedInto", "version")) {
            assertNull(record.path(withheld), withheld + " is withheld from her");
        }
        RegistryApi.as(woman(id)).get("/api/registry/me/children").then().statusCode(200)
            .body("firstName", hasItem("علی")).body("[0].motherId", nullValue());
    }

    @Test
    void herTokenOpensHerRecordOnlyAndNoBeneficiaryIdIsA404() {
        RegistryApi.as(woman(UUID.randomUUID().toString())).get("/api/registry/me").then().statusCode(404)
            .contentType("application/problem+json");
        RegistryApi.as(woman(null)).get("/api/registry/me").then().statusCode(404);
        RegistryApi.as(woman(null)).get("/api/registry/me/consents").then().statusCode(404);
        // and the caseworkers' paths stay closed to her, her own id or not
        String id = registerWithMobile(mobile(), 5);
        RegistryApi.as(woman(id)).get(RegistryApi.BENEFICIARIES + "/" + id).then().statusCode(403);
    }

    @Test
    void sheRevokesHerConsentAndTheRevocationIsAnnounced() throws Exception {
        String id = registerWithMobile(mobile(), 5);
        String consent = RegistryApi.as(RegistryApi.caseworker("me-cw-5", 5)).body("{\"purpose\":\"SPONSORSHIP\","
            + "\"givenOn\":\"2024-03-20\",\"channel\":\"SMS\"}").post(RegistryApi.BENEFICIARIES + "/" + id
            + "/consents").then().statusCode(201).extract().path("id");
        String other = registerWithMobile(mobile(), 5);

        Response mine = RegistryApi.as(woman(id)).get("/api/registry/me/consents").then().statusCode(200).extract()
            .response();
        assertEquals(List.of(consent), mine.path("id"));
        assertNull(mine.path("[0].recordedBy"), "who recorded it is withheld");
        long version = ((Number) mine.path("[0].version")).longValue();
        // not hers: the same 404 as a consent that does not exist
        RegistryApi.as(woman(other)).header("If-Match", "\"" + version + "\"")
            .post("/api/registry/me/consents/" + consent + "/revocation").then().statusCode(404);
        RegistryApi.as(woman(id)).header("If-Match", "\"" + version + "\"")
            .post("/api/registry/me/consents/" + consent + "/revocation").then().statusCode(200)
            .body("active", equalTo(false));

        JsonNode revoked = JSON.readTree(RegistryApi.event("registry.consent", id, "consent.revoked").value());
        assertEquals(consent, revoked.get("consentId").asText());
        assertFalse(revoked.get("purposeActive").asBoolean());
    }

    @Test
    void aCaseworkerOfHerDistrictHandlesHerCorrectionAndItIsAnnounced() throws Exception {
        String id = registerWithMobile(mobile(), 6);
        String correction = RegistryApi.as(woman(id)).body("{\"field\":\"address\",\"proposedValue\":\"خیابان "
            + "آزادی، پلاک ۱۲\"}").post("/api/registry/me/corrections").then().statusCode(201).extract().path("id");

        String elsewhere = RegistryApi.caseworker("me-cw-elsewhere", 9);
        RegistryApi.as(elsewhere).get("/api/registry/corrections").then().statusCode(200)
            .body("id", not(hasItem(correction)));
        RegistryApi.as(elsewhere).body("{\"outcome\":\"ACCEPTED\"}")
            .post("/api/registry/corrections/" + correction + "/handling").then().statusCode(404);

        String hers = RegistryApi.caseworker("me-cw-6", 6);
        RegistryApi.as(hers).get("/api/registry/corrections").then().statusCode(200).body("id", hasItem(correction));
        RegistryApi.as(hers).body("{\"outcome\":\"ACCEPTED\",\"answer\":\"اصلاح شد\"}")
            .post("/api/registry/corrections/" + correction + "/handling").then().statusCode(200)
            .body("status", equalTo("ACCEPTED"));
        RegistryApi.as(hers).body("{\"outcome\":\"REJECTED\"}")
            .post("/api/registry/corrections/" + correction + "/handling").then().statusCode(409);

        RegistryApi.as(woman(id)).get("/api/registry/me/corrections").then().statusCode(200)
            .body("[0].status", equalTo("ACCEPTED")).body("[0].answer", equalTo("اصلاح شد"));
        JsonNode handled = JSON.readTree(RegistryApi.event("registry.correction", id, "correction.handled").value());
        assertEquals(Map.of("correctionId", correction, "beneficiaryId", id, "outcome", "ACCEPTED"),
            JSON.convertValue(handled, Map.class));
    }

    @Test
    void aWomanNotInTheRegisterAppliesToTheCampaignAndACaseworkerOfHerDistrictConfirmsHer() {
        String her = woman(null);
        RegistryApi.as(her).get("/api/registry/me/campaign-application").then().statusCode(404);
        String application = RegistryApi.as(her).body("{\"nationalCode\":\"" + NationalCodes.random()
            + "\",\"firstName\":\"سارا\",\"lastName\":\"کاظمی\",\"mobile\":\"" + mobile() + "\",\"district\":8}")
            .post("/api/registry/me/campaign-application").then().statusCode(201).extract().path("id");
        RegistryApi.as(her).body("{\"nationalCode\":\"" + NationalCodes.random()
            + "\",\"firstName\":\"سارا\",\"lastName\":\"کاظمی\",\"district\":8}")
            .post("/api/registry/me/campaign-application").then().statusCode(409);
        // one who is in the register does not apply herself
        RegistryApi.as(woman(registerWithMobile(mobile(), 8))).body("{\"nationalCode\":\"" + NationalCodes.random()
            + "\",\"firstName\":\"سارا\",\"lastName\":\"کاظمی\",\"district\":8}")
            .post("/api/registry/me/campaign-application").then().statusCode(409);

        String elsewhere = RegistryApi.caseworker("me-cw-campaign-elsewhere", 3);
        RegistryApi.as(elsewhere).get("/api/registry/campaign/applications").then().statusCode(200)
            .body("id", not(hasItem(application)));
        RegistryApi.as(elsewhere).body("{\"status\":\"CONFIRMED\"}")
            .post("/api/registry/campaign/applications/" + application + "/decision").then().statusCode(404);

        String hers = RegistryApi.caseworker("me-cw-campaign-8", 8);
        RegistryApi.as(hers).get("/api/registry/campaign/applications").then().statusCode(200)
            .body("id", hasItem(application));
        String participant = RegistryApi.as(hers).body("{\"status\":\"CONFIRMED\"}")
            .post("/api/registry/campaign/applications/" + application + "/decision").then().statusCode(200)
            .body("status", equalTo("CONFIRMED")).extract().path("participantId");
        assertTrue(participant != null && !participant.isBlank());
        RegistryApi.as(her).get("/api/registry/me/campaign-application").then().statusCode(200)
            .body("status", equalTo("CONFIRMED")).body("participantId", equalTo(participant));
    }

    @Test
    void theGatewayFindsTheOneWomanWithANumberAndNobodyElseMayAsk() {
        String number = mobile();
        String id = registerWithMobile(number, 4);
        String gateway = TestTokens.token().subject("gateway:mobile-lookup").groups("gateway").sign();

        given().auth().oauth2(gateway).contentType(ContentType.JSON).body("{\"mobile\":\"+98" + number.substring(1)
            + "\"}").post("/api/registry/sign-in/lookup").then().statusCode(200).body("beneficiaryId", equalTo(id));
        given().auth().oauth2(gateway).contentType(ContentType.JSON).body("{\"mobile\":\"" + mobile() + "\"}")
            .post("/api/registry/sign-in/lookup").then().statusCode(200).body("beneficiaryId", nullValue());
        given().auth().oauth2(RegistryApi.admin()).contentType(ContentType.JSON).body("{\"mobile\":\"" + number
            + "\"}").post("/api/registry/sign-in/lookup").then().statusCode(403);
        given().auth().oauth2(woman(id)).contentType(ContentType.JSON).body("{\"mobile\":\"" + number
            + "\"}").post("/api/registry/sign-in/lookup").then().statusCode(403);
    }
}
