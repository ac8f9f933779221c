package ir.tehran.womenfamily.registry.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReferralResourceTest {

    private static final String CW = "referral.cw";
    private static final String PROBLEMS = "https://women-family.tehran.ir/problems/";

    private static String referral(String direction, String kind, String name) {
        return "{\"direction\":\"" + direction + "\",\"agency\":{\"kind\":\"" + kind + "\""
            + (name == null ? "" : ",\"name\":\"" + name + "\"") + "}}";
    }

    private static String consent(String id, String kind) {
        return given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\"},"
                + "\"givenOn\":\"1403-01-15\",\"channel\":\"VERBAL\"}")
            .when().post(Women.BASE + id + "/consents")
            .then().statusCode(201).extract().path("id");
    }

    private static void revoke(String id, String consentId) {
        String etag = RegistryApi.etag(Women.caseworker(CW), Women.BASE + id + "/consents/" + consentId);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("If-Match", etag)
            .when().post(Women.BASE + id + "/consents/" + consentId + "/revocation")
            .then().statusCode(200);
    }

    /** Moves the referral as the caseworker last read it (If-Match with its current ETag). */
    private static io.restassured.response.ValidatableResponse move(String id, String referralId, String state) {
        String etag = RegistryApi.etag(Women.caseworker(CW), Women.BASE + id + "/referrals/" + referralId);
        return given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("If-Match", etag)
            .body(Map.of("state", state))
            .when().post(Women.BASE + id + "/referrals/" + referralId + "/transitions")
            .then();
    }

    @Test
    void aReferralOutNeedsConsentAndFollowsItsStates() {
        String id = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(referral("OUT", "WELFARE_ORGANISATION", null))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(409).body("type", equalTo(PROBLEMS + "consent-required"));

        consent(id, "WELFARE_ORGANISATION");
        String referralId = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(referral("OUT", "WELFARE_ORGANISATION", null))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(201)
            .body("state", equalTo("PROPOSED"))
            .body("agency.kind", equalTo("WELFARE_ORGANISATION"))
            .extract().path("id");

        move(id, referralId, "ACCEPTED").statusCode(409).body("type", equalTo(PROBLEMS + "referral-transition"));
        move(id, referralId, "SENT").statusCode(200).body("state", equalTo("SENT"));
        move(id, referralId, "ACCEPTED").statusCode(200);
        move(id, referralId, "COMPLETED").statusCode(200)
            .body("history.state", equalTo(java.util.List.of("PROPOSED", "SENT", "ACCEPTED", "COMPLETED")));

        given().auth().oauth2(Women.admin("head")).when().get(Women.BASE + id + "/referrals")
            .then().statusCode(200).body("items", hasSize(1)).body("items[0].state", equalTo("COMPLETED"));
        Women.audit("beneficiary.referrals", id).then()
            .body("items.action", hasItem("referral.move"))
            .body("items.outcome", hasItem("DENIED"));
    }

    @Test
    void revokingConsentBlocksTheSendingAndNewReferrals() {
        String id = Women.registerWithCase(CW);
        String consentId = consent(id, "RELIEF_COMMITTEE");
        String referralId = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(referral("OUT", "RELIEF_COMMITTEE", null))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(201).extract().path("id");
        revoke(id, consentId);

        move(id, referralId, "SENT").statusCode(409).body("type", equalTo(PROBLEMS + "consent-required"));
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(referral("OUT", "RELIEF_COMMITTEE", null))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(409).body("type", equalTo(PROBLEMS + "consent-required"));
        given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/referrals/" + referralId)
            .then().statusCode(200).body("state", equalTo("PROPOSED"));
    }

    @Test
    void aReferralInNeedsNoConsentAndStartsAsSent() {
        String id = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(referral("IN", "OTHER", "انجمن حمایت از زندانیان"))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(201)
            .body("state", equalTo("SENT"))
            .body("agency.name", equalTo("انجمن حمایت از زندانیان"));
    }

    @Test
    void badReferralsAre400sAndOutsidersGet404() {
        String id = Women.registerWithCase(CW);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(referral("OUT", "OTHER", null))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(400).body("errors.field", hasItem("agency.name"));
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body("{\"direction\":\"OUT\"}")
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(400).body("errors.field", hasItem("agency"));
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body("{\"direction\":\"SIDEWAYS\",\"agency\":{\"kind\":\"OTHER\",\"name\":\"x\"}}")
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(400).body("errors.field", hasItem("direction"));
        given().auth().oauth2(Women.caseworker("someone.else")).when().get(Women.BASE + id + "/referrals")
            .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aMoveNeedsTheVersionReadAndAStaleOneIs412() {
        String id = Women.registerWithCase(CW);
        consent(id, "WELFARE_ORGANISATION");
        String referralId = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body(referral("OUT", "WELFARE_ORGANISATION", null))
            .when().post(Women.BASE + id + "/referrals")
            .then().statusCode(201).extract().path("id");
        String path = Women.BASE + id + "/referrals/" + referralId;
        String read = RegistryApi.etag(Women.caseworker(CW), path);

        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).body(Map.of("state", "SENT"))
            .when().post(path + "/transitions")
            .then().statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        String moved = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .header("If-Match", read).body(Map.of("state", "SENT"))
            .when().post(path + "/transitions")
            .then().statusCode(200).body("state", equalTo("SENT")).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(read, moved);
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .header("If-Match", read).body(Map.of("state", "DECLINED"))
            .when().post(path + "/transitions")
            .then().statusCode(412).body("type", equalTo(PROBLEMS + "stale"));
        given().auth().oauth2(Women.caseworker(CW)).when().get(path)
            .then().statusCode(200).header("ETag", equalTo(moved)).body("state", equalTo("SENT"));
    }
}
