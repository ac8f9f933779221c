package ir.tehran.womenfamily.registry.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.EventProbe;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/**
 * Giving and revoking a consent are announced on {@code registry.consent}, keyed by the woman, with what holds
 * for the purpose afterwards; the payload carries ids, the purpose, the agency's kind and the state only.
 */
@QuarkusTest
class ConsentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CW = "consent-events-cw";

    @Test
    void givingAndRevokingAreAnnouncedWithWhatStillHolds() throws Exception {
        String id = Women.register();
        String first = ConsentResourceTest.give(id, "{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-20\","
            + "\"channel\":\"SMS\"}");
        EventProbe.Message given = RegistryApi.event("registry.consent", id, "consent.given");
        JsonNode g = JSON.readTree(given.value());
        assertEquals(id, g.get("beneficiaryId").asText());
        assertEquals(first, g.get("consentId").asText());
        assertEquals("SPONSORSHIP", g.get("purpose").asText());
        assertEquals("GIVEN", g.get("state").asText());
        assertTrue(g.get("purposeActive").asBoolean());
        assertFalse(given.value().contains("زهرا") || given.value().contains("محمدی"), given.value());

        revoke(id, first);
        JsonNode r = JSON.readTree(RegistryApi.event("registry.consent", id, "consent.revoked").value());
        assertEquals(first, r.get("consentId").asText());
        assertEquals("REVOKED", r.get("state").asText());
        assertFalse(r.get("purposeActive").asBoolean());
    }

    @Test
    void revokingOneOfTwoConsentsToAPurposeLeavesThePurposeActive() throws Exception {
        String id = Women.register();
        String first = ConsentResourceTest.give(id, ConsentResourceTest.shareWith("WELFARE_ORGANISATION", null,
            "2024-03-06"));
        ConsentResourceTest.give(id, ConsentResourceTest.shareWith("WELFARE_ORGANISATION", null, "2024-03-07"));
        revoke(id, first);
        JsonNode r = JSON.readTree(RegistryApi.event("registry.consent", id, "consent.revoked").value());
        assertEquals("WELFARE_ORGANISATION", r.get("agencyKind").asText());
        assertTrue(r.get("purposeActive").asBoolean(), "she still consents to share with the Welfare Organisation");
    }

    @Test
    void herDisclosuresAreReadByHerDistrictOnlyAndTheReadIsAudited() {
        String admin = RegistryApi.admin();
        String id = RegistryApi.register(admin, "مریم", "کریمی", 7);
        given().auth().oauth2(RegistryApi.caseworker("cw-district-5", 5)).when()
            .get(Women.BASE + id + "/disclosures").then().statusCode(404)
            .contentType("application/problem+json");
        given().auth().oauth2(RegistryApi.caseworker("cw-district-7", 7)).when()
            .get(Women.BASE + id + "/disclosures").then().statusCode(200).body("items", empty());
        Women.audit(DisclosureLog.RESOURCE, id).then()
            .body("items", hasSize(1))
            .body("items[0].action", equalTo("disclosure.list"))
            .body("items[0].actor", equalTo("cw-district-7"));
    }

    private static void revoke(String id, String consentId) {
        String etag = RegistryApi.etag(Women.caseworker(CW), Women.BASE + id + "/consents/" + consentId);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("If-Match", etag)
            .when().post(Women.BASE + id + "/consents/" + consentId + "/revocation")
            .then().statusCode(200);
    }
}
