package ir.tehran.womenfamily.registry.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/** {@code POST /consents}: paper forms entered in bulk, by national code, all of them or none. */
@QuarkusTest
class ConsentBatchTest {

    private static final String CW = "consent-batch-cw";
    private static final String CONSENTS = "/api/registry/consents";

    private static String form(String nationalCode, String purpose, String agency, String givenOn) {
        return "{\"nationalCode\":\"" + nationalCode + "\",\"purpose\":\"" + purpose + "\""
            + (agency == null ? "" : ",\"agency\":{\"kind\":\"" + agency + "\"}") + ",\"givenOn\":\"" + givenOn
            + "\",\"channel\":\"PAPER\"}";
    }

    private static ValidatableResponse send(String token, String idempotencyKey, String... forms) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en");
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body("{\"consents\":[" + String.join(",", forms) + "]}").when().post(CONSENTS).then();
    }

    private static ValidatableResponse history(String woman) {
        return given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + woman + "/consents").then()
            .statusCode(200);
    }

    @Test
    void recordsEachWomansConsentsByNationalCodeInTheOrderSentAnnouncedAndAudited() {
        String firstCode = NationalCodes.random();
        String secondCode = NationalCodes.random();
        String first = Women.register(firstCode);
        String second = Women.register(secondCode);
        String key = UUID.randomUUID().toString();
        String[] forms = {form(firstCode, "SPONSORSHIP", null, "1403-01-15"),
            form(NationalCodes.persian(secondCode), "SHARE_WITH_AGENCY", "RELIEF_COMMITTEE", "2024-03-06"),
            form(firstCode, "SHARE_WITH_AGENCY", "WELFARE_ORGANISATION", "1403-02-01")};

        send(Women.caseworker(CW), key, forms).statusCode(200)
            .body("items", hasSize(3))
            .body("items.beneficiaryId", contains(first, second, first))
            .body("items.purpose", contains("SPONSORSHIP", "SHARE_WITH_AGENCY", "SHARE_WITH_AGENCY"))
            .body("items[1].agency.kind", equalTo("RELIEF_COMMITTEE"))
            .body("items[1].givenOnJalali", equalTo("1402-12-16"))
            .body("items[0].recordedBy", equalTo(CW));
        // a retry with the same key records nothing more
        send(Women.caseworker(CW), key, forms).statusCode(200).header("Idempotent-Replayed", "true");

        history(first).body("items", hasSize(2)).body("items.active", contains(true, true));
        history(second).body("items", hasSize(1)).body("items[0].channel", equalTo("PAPER"));
        RegistryApi.event("registry.consent", second, "consent.given");
        Women.audit("beneficiary.consents", second).then().body("items.action", hasItem("consent.record"));
    }

    @Test
    void oneRefusedConsentRecordsNoneAndItsProblemNamesIt() {
        String code = NationalCodes.random();
        String woman = Women.register(code);

        send(Women.caseworker(CW), null, form(code, "SPONSORSHIP", null, "1403-01-15"),
            form(code, "SHARE_WITH_AGENCY", null, "1403-01-15")).statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", contains("consents[1].agency"));
        send(Women.caseworker(CW), null, form(code, "SPONSORSHIP", null, "1403-01-15"),
            form(code, "SPONSORSHIP", null, "2999-01-01")).statusCode(400)
            .body("errors.field", contains("consents[1].givenOn"));

        history(woman).body("items", hasSize(0));
    }

    @Test
    void aWomanTheCallerMayNotSeeIsRefusedLikeOneNobodyHas() {
        String code = NationalCodes.random();
        String elsewhere = RegistryApi.as(RegistryApi.admin()).body("{\"nationalCode\":\"" + code
            + "\",\"firstName\":\"سمیه\",\"lastName\":\"نوری\",\"district\":7}").post(RegistryApi.BENEFICIARIES)
            .then().statusCode(201).extract().path("id");
        List<Object> unknown = send(Women.caseworker(CW), null, form(NationalCodes.random(), "SPONSORSHIP", null,
            "1403-01-15")).statusCode(400).body("errors.field", contains("consents[0].nationalCode"))
            .extract().path("errors");
        List<Object> hidden = send(Women.caseworker(CW), null, form(code, "SPONSORSHIP", null, "1403-01-15"))
            .statusCode(400).extract().path("errors");
        assertEquals(unknown, hidden);
        send(Women.caseworker(CW), null, form("1234567890", "SPONSORSHIP", null, "1403-01-15")).statusCode(400)
            .body("errors.field", contains("consents[0].nationalCode"));

        // her own caseworker records it
        send(RegistryApi.caseworker("consent-batch-cw-7", 7), null, form(code, "SPONSORSHIP", null, "1403-01-15"))
            .statusCode(200).body("items[0].beneficiaryId", equalTo(elsewhere));
    }
}
