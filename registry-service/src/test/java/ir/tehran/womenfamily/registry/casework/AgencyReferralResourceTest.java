package ir.tehran.womenfamily.registry.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/** The agencies' side of referrals: only its own, answered over the version read, each move in the history. */
@QuarkusTest
class AgencyReferralResourceTest {

    private static final String CW = "agency-referral.cw";
    private static final String AGENCY = "/api/registry/agency/referrals/";
    private static final String PROBLEMS = "https://women-family.tehran.ir/problems/";

    static String agency(String client, String scope) {
        return TestTokens.token().subject(client).clientId(client).groups("agency").claim("scope", scope).sign();
    }

    static String welfare() {
        return agency("welfare-org", AgencyReferralService.SCOPE);
    }

    static String relief() {
        return agency("relief-committee", AgencyReferralService.SCOPE);
    }

    static void consent(String id, String kind) {
        given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\"},"
                + "\"givenOn\":\"1403-01-15\",\"channel\":\"VERBAL\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201);
    }

    /** A referral out to {@code kind}, under her consent; sent when {@code send}. */
    static String referOut(String id, String kind, String purpose, boolean send) {
        String referralId = given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON)
            .body("{\"direction\":\"OUT\",\"agency\":{\"kind\":\"" + kind + "\"},\"purpose\":\"" + purpose + "\"}")
            .when().post(Women.BASE + id + "/referrals").then().statusCode(201)
            .body("purpose", equalTo(purpose)).extract().path("id");
        if (send) {
            move(id, referralId, "SENT").statusCode(200);
        }
        return referralId;
    }

    static ExtractableResponse<Response> read(String token, String referralId) {
        return given().auth().oauth2(token).when().get(AGENCY + referralId).then().extract();
    }

    static ValidatableResponse answer(String token, String referralId, String etag, String state) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("state", state));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.when().post(AGENCY + referralId + "/transitions").then();
    }

    /** The caseworker's move, over the version she read (If-Match). */
    private static io.restassured.response.ValidatableResponse move(String id, String referralId, String state) {
        String etag = RegistryApi.etag(Women.caseworker(CW), Women.BASE + id + "/referrals/" + referralId);
        return given().auth().oauth2(Women.caseworker(CW)).contentType(ContentType.JSON).header("If-Match", etag)
            .body(Map.of("state", state)).when().post(Women.BASE + id + "/referrals/" + referralId + "/transitions")
            .then();
    }

    @Test
    void anAgencySeesOnlyTheReferralsSentToItAndNoPersonalData() {
        String id = Women.registerWithCase(CW);
        consent(id, "WELFARE_ORGANISATION");
        consent(id, "RELIEF_COMMITTEE");
        String proposed = referOut(id, "WELFARE_ORGANISATION", "HEALTH_CARE", false);
        String sent = referOut(id, "WELFARE_ORGANISATION", "HEALTH_CARE", true);
        String toRelief = referOut(id, "RELIEF_COMMITTEE", "FINANCIAL_SUPPORT", true);

        List<String> listed = given().auth().oauth2(welfare()).queryParam("limit", 100)
            .when().get(AGENCY).then().statusCode(200).extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertTrue(listed.contains(sent));
        org.junit.jupiter.api.Assertions.assertFalse(listed.contains(proposed));
        org.junit.jupiter.api.Assertions.assertFalse(listed.contains(toRelief));

        given().auth().oauth2(welfare()).when().get(AGENCY + sent).then().statusCode(200)
            .header("ETag", org.hamcrest.Matchers.notNullValue())
            .body("state", equalTo("SENT")).body("purpose", equalTo("HEALTH_CARE"))
            .body("$", not(org.hamcrest.Matchers.hasKey("beneficiaryId")))
            .body("history.by", equalTo(List.of("directorate", "directorate")));
        given().auth().oauth2(welfare()).when().get(AGENCY + proposed).then().statusCode(404);
        given().auth().oauth2(welfare()).when().get(AGENCY + toRelief).then().statusCode(404)
            .contentType("application/problem+json");
    }

    /** The one {@code referral.answered} of her referral, checked against its schema. */
    private static JsonNode answeredEvent(String id) {
        try {
            return new ObjectMapper().readTree(RegistryApi.event("registry.referral", id, "referral.answered")
                .value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anAgencyAcceptsAndClosesOverTheVersionItReadAndTheCaseShowsIt() {
        String id = Women.registerWithCase(CW);
        consent(id, "WELFARE_ORGANISATION");
        String referralId = referOut(id, "WELFARE_ORGANISATION", "EMPLOYMENT", true);
        String etag = read(welfare(), referralId).header("ETag");

        answer(welfare(), referralId, null, "ACCEPTED").statusCode(428);
        answer(welfare(), referralId, "\"999\"", "ACCEPTED").statusCode(412);
        answer(relief(), referralId, etag, "ACCEPTED").statusCode(404);
        answer(welfare(), referralId, etag, "PROPOSED").statusCode(409)
            .body("type", equalTo(PROBLEMS + "referral-transition"));
        String accepted = answer(welfare(), referralId, etag, "ACCEPTED").statusCode(200)
            .body("state", equalTo("ACCEPTED")).extract().header("ETag");
        answer(welfare(), referralId, etag, "COMPLETED").statusCode(412);
        answer(welfare(), referralId, accepted, "COMPLETED").statusCode(200).body("state", equalTo("COMPLETED"));

        given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/referrals/" + referralId)
            .then().statusCode(200).body("state", equalTo("COMPLETED"))
            .body("history.state", equalTo(List.of("PROPOSED", "SENT", "ACCEPTED", "COMPLETED")))
            .body("history.by[2]", equalTo("agency:welfare-org"))
            .body("history.by[3]", equalTo("agency:welfare-org"));
        Women.audit("beneficiary.referrals", id).then()
            .body("items.action", hasItem("referral.agency-move"))
            .body("items.actor", hasItem("welfare-org"));
    }

    @Test
    void anAgencyDeclines() {
        String id = Women.registerWithCase(CW);
        consent(id, "RELIEF_COMMITTEE");
        String referralId = referOut(id, "RELIEF_COMMITTEE", "FINANCIAL_SUPPORT", true);
        String etag = read(relief(), referralId).header("ETag");
        answer(welfare(), referralId, etag, "DECLINED").statusCode(404);
        answer(relief(), referralId, etag, "DECLINED").statusCode(200).body("state", equalTo("DECLINED"))
            .body("history.by[2]", equalTo("agency:relief-committee"));

        // the answer reaches her (the notification service tells her): ids, the direction and the answer only
        JsonNode answered = answeredEvent(id);
        assertEquals(referralId, answered.path("referralId").asText());
        assertEquals("OUT", answered.path("direction").asText());
        assertEquals("DECLINED", answered.path("answer").asText());
        assertEquals(Set.of("referralId", "beneficiaryId", "direction", "answer"), fields(answered));
    }

    @Test
    void withoutTheScopeAnAgencyIsRefusedBeforeAnythingIsRead() {
        String token = agency("welfare-org", "dci.registry.search");
        given().auth().oauth2(token).when().get(AGENCY).then().statusCode(403)
            .body("type", equalTo(PROBLEMS + "scope-required"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
            .when().post(AGENCY).then().statusCode(403).body("type", equalTo(PROBLEMS + "scope-required"));
        given().auth().oauth2(Women.caseworker(CW)).when().get(AGENCY).then().statusCode(403);
    }

    @Test
    void aReferralInReachesHerAssignedCaseworkerWhoAnswersIt() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        Women.assign(id, CW);
        String referralId = given().auth().oauth2(welfare()).contentType(ContentType.JSON)
            .body(Map.of("nationalCode", code, "purpose", "EMPLOYMENT"))
            .when().post(AGENCY).then().statusCode(201)
            .header("Location", org.hamcrest.Matchers.containsString(AGENCY))
            .body("direction", equalTo("IN")).body("state", equalTo("SENT"))
            .extract().path("id");

        given().auth().oauth2(Women.caseworker(CW)).queryParam("limit", 100)
            .when().get("/api/registry/referrals/incoming").then().statusCode(200)
            .body("items.id", hasItem(referralId));
        given().auth().oauth2(Women.caseworker("someone.else")).queryParam("limit", 100)
            .when().get("/api/registry/referrals/incoming").then().statusCode(200)
            .body("items.id", not(hasItem(referralId)));
        given().auth().oauth2(Women.caseworker(CW)).when().get(Women.BASE + id + "/referrals/" + referralId)
            .then().statusCode(200).body("agency.kind", equalTo("WELFARE_ORGANISATION"))
            .body("createdBy", equalTo("agency:welfare-org"));

        // the agency follows it, but cannot answer its own referral in: the directorate does
        String etag = read(welfare(), referralId).header("ETag");
        answer(welfare(), referralId, etag, "ACCEPTED").statusCode(409);
        answer(relief(), referralId, etag, "ACCEPTED").statusCode(404);
        move(id, referralId, "ACCEPTED").statusCode(200);
        given().auth().oauth2(welfare()).when().get(AGENCY + referralId).then().body("state", equalTo("ACCEPTED"));
        JsonNode answered = answeredEvent(id);
        assertEquals(referralId, answered.path("referralId").asText());
        assertEquals("IN", answered.path("direction").asText());
        assertEquals("ACCEPTED", answered.path("answer").asText());
        given().auth().oauth2(Women.caseworker(CW)).queryParam("limit", 100)
            .when().get("/api/registry/referrals/incoming").then().body("items.id", not(hasItem(referralId)));
        Women.audit("beneficiary.referrals", id).then().body("items.action", hasItem("referral.agency-create"));
    }

    @Test
    void aReferralInOfACodeNobodyHasIsA404() {
        given().auth().oauth2(welfare()).contentType(ContentType.JSON)
            .body(Map.of("nationalCode", NationalCodes.random()))
            .when().post(AGENCY).then().statusCode(404).contentType("application/problem+json");
    }
}
