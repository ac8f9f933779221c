package ir.tehran.womenfamily.registry.dci;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

/** The DCI sync search: the envelope, the query types, and need to know (consent, fields, disclosure log). */
@QuarkusTest
class DciResourceTest {

    private static final String PATH = "/api/registry/dci/registry/sync/search";

    static String agency(String client) {
        return TestTokens.token().subject(client).clientId(client).groups("agency")
            .claim("scope", "dci.registry.search").sign();
    }

    static Map<String, Object> envelope(String sender, Map<String, Object> criteria) {
        Map<String, Object> header = Map.of("version", "1.0.0", "message_id", UUID.randomUUID().toString(),
            "message_ts", Instant.now().toString(), "action", "search", "sender_id", sender,
            "receiver_id", "registry", "total_count", 1);
        Map<String, Object> item = Map.of("reference_id", "ref-1", "timestamp", Instant.now().toString(),
            "search_criteria", criteria);
        return Map.of("signature", "unsigned", "header", header,
            "message", Map.of("transaction_id", "txn-" + UUID.randomUUID(), "search_request", List.of(item)));
    }

    static Map<String, Object> byCode(String code) {
        return Map.of("query_type", "idtype-value", "query", Map.of("type", "NATIONAL_CODE", "value", code));
    }

    static ValidatableResponse search(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
            .when().post(PATH).then();
    }

    private static String consent(String id, String kind) {
        return given().auth().oauth2(Women.caseworker("registrar")).contentType(ContentType.JSON)
            .body("{\"purpose\":\"SHARE_WITH_AGENCY\",\"agency\":{\"kind\":\"" + kind + "\"},"
                + "\"givenOn\":\"2024-03-06\",\"channel\":\"PAPER\"}")
            .when().post(Women.BASE + id + "/consents").then().statusCode(201).extract().path("id");
    }

    @Test
    void underHerConsentForTheAgencyOnlyTheNeededFieldsAreReleasedAndLogged() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        String consentId = consent(id, "WELFARE_ORGANISATION");
        search(agency("welfare-org"), envelope("welfare-org", byCode(code))).statusCode(200)
            .contentType(ContentType.JSON)
            .body("header.action", equalTo("on-search"))
            .body("header.status", equalTo("succ"))
            .body("message.search_response[0].status", equalTo("succ"))
            .body("message.search_response[0].reference_id", equalTo("ref-1"))
            .body("message.search_response[0].pagination.total_count", equalTo(1))
            .body("message.search_response[0].data.reg_records", hasSize(1))
            .body("message.search_response[0].data.reg_records[0].identifier.identifier_value", equalTo(code))
            // registered without a birth date: her identifier and name, and nothing else
            .body("message.search_response[0].data.reg_records[0].keySet()",
                equalTo(java.util.Set.of("identifier", "name")))
            .body("message.search_response[0].data.reg_records[0].name.keySet()",
                equalTo(java.util.Set.of("given_name", "surname")));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].consentId", equalTo(consentId))
            .body("items[0].what", equalTo(DciSearch.WHAT))
            .body("items[0].recipient", equalTo("agency:WELFARE_ORGANISATION (client welfare-org)"));
        Women.audit(DciSearch.RESOURCE, id).then()
            .body("items[0].actor", equalTo("welfare-org"))
            .body("items[0].action", equalTo("dci.search.release"));
    }

    @Test
    void aWomanWithoutConsentForThisAgencyIsAnsweredLikeAWomanWhoIsNotHere() {
        String code = NationalCodes.random();
        String id = Women.register(code);
        consent(id, "RELIEF_COMMITTEE");
        search(agency("welfare-org"), envelope("welfare-org", byCode(code))).statusCode(200)
            .body("message.search_response[0].status", equalTo("succ"))
            .body("message.search_response[0].pagination.total_count", equalTo(0))
            .body("message.search_response[0].data.reg_records", hasSize(0));
        search(agency("welfare-org"), envelope("welfare-org", byCode(NationalCodes.random()))).statusCode(200)
            .body("message.search_response[0].pagination.total_count", equalTo(0));
        given().auth().oauth2(Women.admin("disclosure-reader")).when().get(Women.BASE + id + "/disclosures")
            .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void expressionAndPredicateFindHerByNationalCodeAndRefuseOtherAttributes() {
        String code = NationalCodes.random();
        consent(Women.register(code), "RELIEF_COMMITTEE");
        Map<String, Object> expression = Map.of("query_type", "expression", "query", Map.of(
            "type", "ns:org:QueryType:expression", "value", Map.of("expression", Map.of("collection", "Person",
                "query", Map.of("$and", List.of(Map.of("national_code", Map.of("$eq", code))))))));
        search(agency("relief-committee"), envelope("relief-committee", expression)).statusCode(200)
            .body("message.search_response[0].data.reg_records", hasSize(1));
        Map<String, Object> predicate = Map.of("query_type", "predicate", "query", List.of(Map.of("seq_num", 1,
            "expression1", Map.of("attribute_name", "national_code", "operator", "eq", "attribute_value", code))));
        search(agency("relief-committee"), envelope("relief-committee", predicate)).statusCode(200)
            .body("message.search_response[0].data.reg_records", hasSize(1));
        Map<String, Object> byAge = Map.of("query_type", "predicate", "query", List.of(Map.of("seq_num", 1,
            "expression1", Map.of("attribute_name", "age", "operator", "lt", "attribute_value", "25"))));
        search(agency("relief-committee"), envelope("relief-committee", byAge)).statusCode(200)
            .body("header.status", equalTo("rjct"))
            .body("message.search_response[0].status", equalTo("rjct"))
            .body("message.search_response[0].status_reason_code", equalTo("rjct.search_criteria.invalid"))
            .body("message.search_response[0]", not(hasKey("data")));
    }

    @Test
    void theEnvelopeAndTheCallerAreChecked() {
        String code = NationalCodes.random();
        Map<String, Object> valid = envelope("welfare-org", byCode(code));
        Map<String, Object> noMessage = Map.of("header", valid.get("header"));
        // problems as application/json, the DCI HttpErrorResponse's type, which DCI clients read
        search(agency("welfare-org"), noMessage).statusCode(400).contentType(startsWith("application/json"))
            .body("status", equalTo(400));
        given().contentType(ContentType.JSON).body(valid).when().post(PATH).then().statusCode(401)
            .contentType(startsWith("application/json")).body("status", equalTo(401));
        search(Women.agency("welfare-org"), valid).statusCode(403)
            .body("type", org.hamcrest.Matchers.endsWith("dci-scope"));
        search(agency("relief-committee"), valid).statusCode(403)
            .body("type", org.hamcrest.Matchers.endsWith("dci-sender"));
        search(Women.caseworker("registrar"), valid).statusCode(403);
    }
}
