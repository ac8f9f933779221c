package ir.tehran.womenfamily.registry.cohort;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.Women;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CohortDefinitionResourceTest {

    private static final String PATH = "/api/registry/cohort-definitions";

    @Test
    void theBuiltInCohortsHavePersianAndEnglishNames() {
        given().auth().oauth2(Women.caseworker("cw")).when().get(PATH)
            .then().statusCode(200)
            .body("items.code", hasItems("PRISON_RELEASE", "ADDICTION_RECOVERY"))
            .body("items.find { it.code == 'ADDICTION_RECOVERY' }.nameFa", equalTo("در حال بهبودی از اعتیاد"))
            .body("items.find { it.code == 'ADDICTION_RECOVERY' }.requiresFollowingCentre", equalTo(true))
            .body("items.find { it.code == 'PRISON_RELEASE' }.nameEn", equalTo("Conditionally released prisoner"))
            .body("items.find { it.code == 'PRISON_RELEASE' }.builtIn", equalTo(true));
    }

    @Test
    void anAdminDefinesACohortOnce() {
        String code = "SURVIVOR_" + ThreadLocalRandom.current().nextInt(1_000_000);
        Map<String, Object> body = Map.of("code", code, "nameFa", "بازماندهٔ خشونت خانگی",
            "nameEn", "Survivor of domestic violence");
        given().auth().oauth2(Women.admin("head")).contentType(ContentType.JSON).body(body)
            .when().post(PATH)
            .then().statusCode(201)
            .body("code", equalTo(code))
            .body("builtIn", equalTo(false))
            .body("requiresFollowingCentre", equalTo(false));
        given().auth().oauth2(Women.caseworker("cw")).when().get(PATH + "/" + code)
            .then().statusCode(200).body("nameEn", equalTo("Survivor of domestic violence"));
        given().auth().oauth2(Women.admin("head")).contentType(ContentType.JSON).body(body)
            .when().post(PATH)
            .then().statusCode(409)
            .body("type", equalTo("https://women-family.tehran.ir/problems/cohort-definition-exists"));
        Women.audit("cohort-definition", code).then().body("items.action", hasItem("cohort-definition.create"));
    }

    @Test
    void badDefinitionsAre400sAndOnlyAdminsDefine() {
        given().auth().oauth2(Women.admin("head")).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(Map.of("code", "lower-case", "nameFa", "x"))
            .when().post(PATH)
            .then().statusCode(400)
            .body("errors.field", hasItems("code", "nameEn"));
        given().auth().oauth2(Women.caseworker("cw")).contentType(ContentType.JSON)
            .body(Map.of("code", "NEW_ONE", "nameFa", "x", "nameEn", "x"))
            .when().post(PATH)
            .then().statusCode(403);
        given().auth().oauth2(TestTokens.forRoles("app", "partner-app")).when().get(PATH).then().statusCode(403);
        given().auth().oauth2(Women.caseworker("cw")).when().get(PATH + "/NOPE").then().statusCode(404);
    }
}
