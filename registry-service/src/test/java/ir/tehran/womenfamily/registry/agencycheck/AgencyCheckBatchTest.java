package ir.tehran.womenfamily.registry.agencycheck;

import static io.restassured.RestAssured.given;
import static ir.tehran.womenfamily.registry.agencycheck.AgencyCheckResourceTest.hmac;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.Women;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.time.Tehran;
import org.junit.jupiter.api.Test;

/** The enrolment check in batches: per code exactly what the single check answers, bounded, malformed is 400. */
@QuarkusTest
class AgencyCheckBatchTest {

    private static final String SINGLE = "/api/registry/agency/enrolment-check";
    private static final String BATCH = SINGLE + "/batch";

    @Test
    void eachCodeIsAnsweredAsItsSingleCheckWouldBeInTheOrderSent() throws Exception {
        String consented = NationalCodes.random();
        String consentedId = Women.register(consented);
        consent(consentedId, "WELFARE_ORGANISATION");
        String enrolled = NationalCodes.random();
        String enrolledId = Women.register(enrolled);
        consent(enrolledId, "RELIEF_COMMITTEE");
        String unknown = NationalCodes.random();
        List<String> codes = List.of(unknown, consented, enrolled);
        List<String> hmacs = new ArrayList<>();
        for (String c : codes) {
            hmacs.add(hmac(c));
        }
        hmacs.set(1, hmacs.get(1).toUpperCase(Locale.ROOT));
        String today = LocalDate.now(Tehran.ZONE).toString();
        JsonPath batch = given().auth().oauth2(Women.agency("welfare-org")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmacs", hmacs))
            .when().post(BATCH)
            .then().statusCode(200)
            .body("keyId", equalTo("test-1"))
            .body("answers", hasSize(3))
            .body("answers[0]", aMapWithSize(2))
            .body("answers[0].nationalCodeHmac", equalTo(hmac(unknown)))
            .body("answers[0].enrolled", equalTo(false))
            .body("answers[1]", aMapWithSize(4))
            .body("answers[1].nationalCodeHmac", equalTo(hmac(consented)))
            .body("answers[1].enrolled", equalTo(true))
            .body("answers[1].since", equalTo(today))
            .body("answers[1].sinceJalali", equalTo(Days.jalali(LocalDate.parse(today))))
            .body("answers[2]", aMapWithSize(2))
            .body("answers[2].enrolled", equalTo(true))
            .body("answers[2]", not(hasKey("since")))
            .extract().jsonPath();
        // no more per code than the single check reveals
        for (int i = 0; i < codes.size(); i++) {
            Map<String, Object> single = given().auth().oauth2(Women.agency("welfare-org"))
                .contentType(ContentType.JSON).body(Map.of("nationalCodeHmac", hmac(codes.get(i))))
                .when().post(SINGLE).then().statusCode(200).extract().jsonPath().getMap("");
            Map<String, Object> fromBatch = new java.util.HashMap<>(batch.getMap("answers[" + i + "]"));
            fromBatch.remove("nationalCodeHmac");
            org.junit.jupiter.api.Assertions.assertEquals(single, fromBatch, "code " + i);
        }
        // audited per code, and the date given is in her disclosure log, as for a single check
        Women.audit("beneficiary.enrolment", enrolledId).then()
            .body("items.action", hasItem("agency-check.query"))
            .body("items[0].detail.since", equalTo("false"));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + consentedId + "/disclosures")
            .then().statusCode(200)
            .body("items.what", hasItem("enrolment-date"))
            .body("items[0].recipient", equalTo("agency:WELFARE_ORGANISATION (client welfare-org)"));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + enrolledId + "/disclosures")
            .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBatchHoldsOneToAHundredWellFormedCodes() throws Exception {
        List<String> hundred = new ArrayList<>(Collections.nCopies(99, "ab".repeat(32)));
        hundred.add(hmac(NationalCodes.random()));
        given().auth().oauth2(Women.agency("relief-committee")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmacs", hundred))
            .when().post(BATCH)
            .then().statusCode(200).body("answers", hasSize(100)).body("answers[99].enrolled", equalTo(false));
        List<String> tooMany = new ArrayList<>(hundred);
        tooMany.add("cd".repeat(32));
        expect400(Map.of("nationalCodeHmacs", tooMany), "nationalCodeHmacs");
        expect400(Map.of("nationalCodeHmacs", List.of()), "nationalCodeHmacs");
        expect400(Map.of(), "nationalCodeHmacs");
        given().auth().oauth2(Women.agency("welfare-org")).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(Map.of("nationalCodeHmacs", List.of("ab".repeat(32), NationalCodes.random())))
            .when().post(BATCH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", org.hamcrest.Matchers.startsWith("nationalCodeHmacs"))
            .body("errors[0].message", equalTo("The HMAC must be 64 hexadecimal characters"));
        expect400(Map.of("nationalCodeHmacs", List.of("ab".repeat(32)), "keyId", "retired"), "keyId");
    }

    @Test
    void onlyAgenciesAsk() {
        given().auth().oauth2(Women.caseworker("cw")).contentType(ContentType.JSON)
            .body(Map.of("nationalCodeHmacs", List.of("ab".repeat(32))))
            .when().post(BATCH)
            .then().statusCode(403).contentType("application/problem+json").body("errors", nullValue());
    }

    private static void expect400(Map<String, ?> body, String field) {
        given().auth().oauth2(Women.agency("welfare-org")).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(body)
            .when().post(BATCH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("errors.field", hasItem(field));
    }

    private static void consent(String id, String kind) {
        given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\"},"
                + "\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201);
    }
}
