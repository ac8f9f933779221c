package ir.tehran.womenfamily.registry.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentResourceTest {

    private static final String CW = "consent-cw";

    static String shareWith(String kind, String name, String givenOn) {
        return "{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\""
            + (name == null ? "" : ",\"name\":\"" + name + "\"") + "},\"givenOn\":\"" + givenOn
            + "\",\"channel\":\"PAPER\"}";
    }

    static String give(String womanId, String body) {
        return given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).body(body)
            .when().post(Women.BASE + womanId + "/consents")
            .then().statusCode(201).extract().path("id");
    }

    @Test
    void recordsReadsAndRevokesAConsentKeepingItsHistory() {
        String id = Women.register();
        String consentId = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(shareWith("RELIEF_COMMITTEE", null, "۱۴۰۲/۱۲/۱۶"))
            .when().post(Women.BASE + id + "/consents")
            .then().statusCode(201)
            .body("purpose", equalTo("SHARE_WITH_AGENCY"))
            .body("agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("givenOn", equalTo("2024-03-06"))
            .body("givenOnJalali", equalTo("1402-12-16"))
            .body("channel", equalTo("PAPER"))
            .body("active", equalTo(true))
            .body("recordedBy", equalTo(CW))
            .extract().path("id");
        give(id, "{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-20\",\"channel\":\"SMS\"}");

        String consentPath = Women.BASE + id + "/consents/" + consentId;
        String read = RegistryApi.etag(Women.admin("consent-admin"), consentPath);
        // a revocation is made to the consent as it was read: 428 without its version
        given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON)
            .when().post(consentPath + "/revocation")
            .then().statusCode(428)
            .body("type", equalTo("https://women-family.tehran.ir/problems/precondition-required"));
        given().auth().oauth2(Women.caseworker(CW)).when().get(consentPath).then().body("active", equalTo(true));
        String revoked = given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON)
            .header("If-Match", read)
            .when().post(consentPath + "/revocation")
            .then().statusCode(200)
            .body("active", equalTo(false))
            .body("revokedBy", equalTo("consent-admin"))
            .body("revokedAt", notNullValue())
            .body("revokedOnJalali", notNullValue())
            .extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, revoked);

        given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/consents")
            .then().statusCode(200)
            .body("items", hasSize(2))
            .body("items.find { it.id == '" + consentId + "' }.active", equalTo(false))
            .body("items.find { it.purpose == 'SPONSORSHIP' }.givenOnJalali", equalTo("1403-01-01"));
        given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/consents/" + consentId)
            .then().statusCode(200).body("active", equalTo(false));

        given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON).header("If-Match", read)
            .when().post(Women.BASE + id + "/consents/" + consentId + "/revocation")
            .then().statusCode(412);
        given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON).header("If-Match", revoked)
            .when().post(Women.BASE + id + "/consents/" + consentId + "/revocation")
            .then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/consent-already-revoked"));

        Women.audit("beneficiary.consents", id).then()
            .body("items.action", hasItem("consent.record"))
            .body("items.action", hasItem("consent.revoke"));
    }

    @Test
    void eachInvalidFieldIsA400WithItsPath() {
        String id = Women.register();
        expect400(id, "{\"purpose\":\"SHARE_WITH_AGENCY\",\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}",
            "agency");
        expect400(id, shareWith("OTHER", null, "2024-03-06"), "agency.name");
        expect400(id, "{\"purpose\":\"SPONSORSHIP\",\"agency\":{\"kind\":\"RELIEF_COMMITTEE\"},"
            + "\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}", "agency");
        expect400(id, shareWith("RELIEF_COMMITTEE", null, "1402-12-30"), "givenOn");
        expect400(id, shareWith("RELIEF_COMMITTEE", null, "2999-01-01"), "givenOn");
        expect400(id, "{\"purpose\":\"SPONSORSHIP\",\"channel\":\"PAPER\"}", "givenOn");
        expect400(id, "{\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}", "purpose");
        expect400(id, "{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-06\",\"channel\":\"FAX\"}", "channel");
    }

    private static void expect400(String id, String body, String field) {
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body)
            .when().post(Women.BASE + id + "/consents")
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field));
    }

    @Test
    void unknownWomenAndConsentsAre404AndOtherRolesAre403() {
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(shareWith("RELIEF_COMMITTEE", null, "2024-03-06"))
            .when().post(Women.BASE + UUID.randomUUID() + "/consents")
            .then().statusCode(404).contentType("application/problem+json");
        String id = Women.register();
        given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/consents/" + UUID.randomUUID())
            .then().statusCode(404);
        given().auth().oauth2(TestTokens.forRoles("app", "partner-app")).when().get(Women.BASE + id + "/consents")
            .then().statusCode(403).contentType("application/problem+json");
        given().when().get(Women.BASE + id + "/consents").then().statusCode(401);
    }

    @Test
    void aCaseworkerOfAnotherDistrictGetsTheUnknownWomans404AndTheRefusalIsAudited() {
        String id = RegistryApi.register(RegistryApi.admin(), "سمیه", "نوری", 7);
        given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-20\",\"channel\":\"SMS\"}")
            .when().post(Women.BASE + id + "/consents")
            .then().statusCode(201);
        String outsider = RegistryApi.caseworker("consent-outsider", 5);
        given().auth().oauth2(outsider).when().get(Women.BASE + id + "/consents")
            .then().statusCode(404).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/not-found"));
        given().auth().oauth2(outsider).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SPONSORSHIP\",\"givenOn\":\"2024-03-20\",\"channel\":\"SMS\"}")
            .when().post(Women.BASE + id + "/consents")
            .then().statusCode(404);
        given().auth().oauth2(RegistryApi.caseworker("consent-cw-7", 7)).when().get(Women.BASE + id + "/consents")
            .then().statusCode(200).body("items", hasSize(1));

        Women.audit("beneficiary.consents", id).then()
            .body("items.find { it.actor == 'consent-outsider' && it.action == 'consent.list' }.outcome",
                equalTo("DENIED"))
            .body("items.find { it.actor == 'consent-outsider' && it.action == 'consent.record' }.outcome",
                equalTo("DENIED"))
            .body("items.find { it.actor == 'consent-cw-7' && it.action == 'consent.list' }.outcome",
                equalTo("SUCCESS"))
            .body("items.find { it.actor == 'consent-cw-7' && it.action == 'consent.list' }.purpose",
                equalTo("casework"));
    }
}
