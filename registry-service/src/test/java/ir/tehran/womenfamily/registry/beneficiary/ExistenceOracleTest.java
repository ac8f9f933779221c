package ir.tehran.womenfamily.registry.beneficiary;

import static ir.tehran.womenfamily.registry.RegistryApi.BENEFICIARIES;
import static ir.tehran.womenfamily.registry.RegistryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ir.tehran.womenfamily.registry.NationalCodes;
import ir.tehran.womenfamily.registry.RegistryApi;
import ir.tehran.womenfamily.registry.Women;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Registering a national code is an existence check. A caller who may not see the woman who holds the code
 * gets a 409 that names neither her id nor her district, the attempt is audited as DENIED, and such attempts
 * are limited per caller (429 beyond the limit). A caller who may see her still gets her id.
 */
@QuarkusTest
class ExistenceOracleTest {

    private static String body(String code) {
        return "{\"nationalCode\":\"" + code + "\",\"firstName\":\"پروین\",\"lastName\":\"اعتمادی\"}";
    }

    /** A woman of district 12, registered by an admin; returns {national code, id}. */
    private static String[] womanOf12() {
        String code = NationalCodes.random();
        String id = as(RegistryApi.admin()).body("{\"nationalCode\":\"" + code + "\",\"firstName\":\"پروین\","
            + "\"lastName\":\"اعتمادی\",\"district\":12}").post(BENEFICIARIES).then().statusCode(201)
            .extract().path("id");
        return new String[] {code, id};
    }

    @Test
    void aCallerWhoMayNotSeeHerLearnsNoIdNoDistrictAndIsAudited() {
        String[] woman = womanOf12();
        String cw = "cw-oracle-" + UUID.randomUUID().toString().substring(0, 8);
        String body = as(RegistryApi.caseworker(cw, 5)).body(body(NationalCodes.persian(woman[0])))
            .post(BENEFICIARIES).then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/beneficiary-exists"))
            .body("existingId", org.hamcrest.Matchers.nullValue())
            .extract().asString();
        assertFalse(body.contains(woman[1]), body);
        assertEquals(java.util.Set.of("type", "title", "status", "detail", "instance", "requestId"),
            JsonPath.from(body).getMap("").keySet(), body);

        List<Map<String, Object>> entries = Women.audit("beneficiary", woman[1]).jsonPath().getList("items");
        assertTrue(entries.stream().anyMatch(e -> "beneficiary.register".equals(e.get("action"))
            && "DENIED".equals(e.get("outcome")) && cw.equals(e.get("actor"))
            && String.valueOf(e.get("detail")).contains("outside the caller's reach")), entries.toString());
    }

    @Test
    void aCallerWhoMaySeeHerStillGetsHerId() {
        String[] woman = womanOf12();
        as(RegistryApi.caseworker("cw-oracle-12", 12)).body(body(woman[0])).post(BENEFICIARIES).then()
            .statusCode(409).body("existingId", equalTo(woman[1]));
        as(RegistryApi.admin()).body(body(woman[0])).post(BENEFICIARIES).then()
            .statusCode(409).body("existingId", equalTo(woman[1]));
    }

    @Test
    void refusedExistenceChecksAreLimitedPerCaller() {
        int capacity = ConfigProvider.getConfig().getOptionalValue("registry.existence-probes.capacity", Integer.class)
            .orElse(10);
        String cw = "cw-prober-" + UUID.randomUUID().toString().substring(0, 8);
        String token = RegistryApi.caseworker(cw, 5);
        for (int i = 0; i < capacity; i++) {
            as(token).body(body(womanOf12()[0])).post(BENEFICIARIES).then().statusCode(409)
                .body("existingId", org.hamcrest.Matchers.nullValue());
        }
        // past the limit every registration of hers is refused, a new woman's too, so 429 tells nothing
        String[] next = womanOf12();
        JsonPath limited = as(token).body(body(next[0])).post(BENEFICIARIES).then().statusCode(429)
            .contentType("application/problem+json").body("title", notNullValue())
            .body("existingId", org.hamcrest.Matchers.nullValue()).extract().jsonPath();
        assertEquals(429, limited.getInt("status"));
        as(token).body(body(NationalCodes.random())).post(BENEFICIARIES).then().statusCode(429);
        // another caller is not affected
        as(RegistryApi.caseworker(cw + "-other", 5)).body(body(next[0])).post(BENEFICIARIES).then().statusCode(409)
            .body(not(org.hamcrest.Matchers.containsString(next[1])));
        List<Map<String, Object>> mine = io.restassured.RestAssured.given().auth().oauth2(Women.admin("auditor"))
            .queryParam("actor", cw).queryParam("limit", 50).get("/api/registry/audit")
            .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(mine.stream().filter(e -> "DENIED".equals(e.get("outcome"))
            && String.valueOf(e.get("detail")).contains("too many")).count() >= 2, mine.toString());
    }
}
