package ir.tehran.womenfamily.registry.agencycheck;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The agency side computes the HMAC exactly as an agency would, from the shared key. */
@QuarkusTest
class AgencyCheckResourceTest {

    private static final String PATH = "/api/registry/agency/enrolment-check";

    static String hmac(String nationalCode) throws Exception {
        String key = ConfigProvider.getConfig().getValue("registry.agency-check.key", String.class);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(nationalCode.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void withHerConsentToShareWithTheAgencyItLearnsSinceWhenAndTheShareIsLogged() throws Exception {
        String code = NationalCodes.random();
        String id = Women.register(code);
        String consentId = consent(id, "WELFARE_ORGANISATION");
        String today = LocalDate.now(Tehran.ZONE).toString();
        given().auth().oauth2(Women.agency("welfare-org")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmac", hmac(code).toUpperCase()))
            .when().post(PATH)
            .then().statusCode(200)
            .body("", aMapWithSize(3))
            .body("enrolled", equalTo(true))
            .body("since", equalTo(today))
            .body("sinceJalali", equalTo(Days.jalali(LocalDate.parse(today))));
        Women.audit("beneficiary.enrolment", id).then()
            .body("items[0].actor", equalTo("welfare-org"))
            .body("items[0].purpose", equalTo("inter-agency-duplicate-check"))
            .body("items[0].detail.enrolled", equalTo("true"));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].purpose", equalTo("SHARE_WITH_AGENCY"))
            .body("items[0].consentId", equalTo(consentId))
            .body("items[0].what", equalTo("enrolment-date"))
            .body("items[0].recipient", equalTo("agency:WELFARE_ORGANISATION (client welfare-org)"));
    }

    @Test
    void withoutHerConsentToShareWithTheAgencyItLearnsOnlyThatSheIsEnrolled() throws Exception {
        String code = NationalCodes.random();
        String id = Women.register(code);
        consent(id, "RELIEF_COMMITTEE");
        String welfare = consent(id, "WELFARE_ORGANISATION");
        given().auth().oauth2(Women.admin("consent-admin")).contentType(ContentType.JSON)
            .header("If-Match",
                RegistryApi.etag(Women.admin("consent-admin"), Women.BASE + id + "/consents/" + welfare))
            .when().post(Women.BASE + id + "/consents/" + welfare + "/revocation").then().statusCode(200);
        given().auth().oauth2(Women.agency("welfare-org")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmac", hmac(code)))
            .when().post(PATH)
            .then().statusCode(200)
            .body("", aMapWithSize(1))
            .body("enrolled", equalTo(true));
        // an agency client no consent can name learns only the bit too
        given().auth().oauth2(Women.agency("unlisted-agency")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmac", hmac(code)))
            .when().post(PATH)
            .then().statusCode(200)
            .body("", aMapWithSize(1));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200).body("items", hasSize(0));
    }

    private static String consent(String id, String kind) {
        return given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\"},"
                + "\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201).extract().path("id");
    }

    @Test
    void anUnknownCodeIsNotEnrolledAndHasNoDate() throws Exception {
        given().auth().oauth2(Women.agency("relief-committee")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmac", hmac(NationalCodes.random()), "keyId", "test-1"))
            .when().post(PATH)
            .then().statusCode(200)
            .body("enrolled", equalTo(false))
            .body("$", not(hasKey("since")))
            .body("$", not(hasKey("sinceJalali")));
    }

    @Test
    void theCodeItselfOrAnUnknownKeyIsA400() {
        expect400(Map.of("nationalCodeHmac", NationalCodes.random()), "nationalCodeHmac");
        expect400(Map.of("nationalCodeHmac", "zz".repeat(32)), "nationalCodeHmac");
        expect400(Map.of(), "nationalCodeHmac");
        expect400(Map.of("nationalCodeHmac", "ab".repeat(32), "keyId", "retired"), "keyId");
    }

    private static void expect400(Map<String, String> body, String field) {
        given().auth().oauth2(Women.agency("welfare-org")).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body)
            .when().post(PATH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field));
    }

    @Test
    void onlyAgenciesAsk() {
        given().auth().oauth2(Women.caseworker("cw")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmac", "ab".repeat(32)))
            .when().post(PATH)
            .then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("nationalCodeHmac", "ab".repeat(32)))
            .when().post(PATH)
            .then().statusCode(401);
    }
}
