package ir.tehran.womenfamily.registry.beneficiary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.registry.NationalCodes;
import org.junit.jupiter.api.Test;

/** Each 401 cause alone, and a 403 for a valid token with the wrong role. */
@QuarkusTest
class BeneficiaryAccessTest {

    private static final String PATH = "/api/registry/beneficiaries";

    private static void expect401(String token) {
        var request = given().contentType(ContentType.JSON)
            .body(BeneficiaryResourceTest.body(NationalCodes.random(), "لیلا", "کاظمی"));
        if (token != null) {
            request.auth().oauth2(token);
        }
        request.when().post(PATH)
            .then().statusCode(401)
            .contentType("application/problem+json")
            .header("WWW-Authenticate", equalTo("Bearer"))
            .body("type", equalTo("https://women-family.tehran.ir/problems/unauthorized"));
    }

    @Test
    void noToken() {
        expect401(null);
    }

    @Test
    void expiredToken() {
        expect401(TestTokens.token().subject("cw").groups("caseworker").expired().sign());
    }

    @Test
    void badSignature() {
        expect401(TestTokens.token().subject("cw").groups("caseworker").signedByForeignKey().sign());
    }

    @Test
    void wrongIssuer() {
        expect401(TestTokens.token().subject("cw").groups("caseworker").issuer("https://elsewhere.example").sign());
    }

    @Test
    void wrongAudience() {
        expect401(TestTokens.token().subject("cw").groups("caseworker").audience("another-api").sign());
    }

    @Test
    void aPartnerAppMayNotRegisterWomen() {
        given().auth().oauth2(TestTokens.forRoles("partner", "partner-app")).contentType(ContentType.JSON)
            .body(BeneficiaryResourceTest.body(NationalCodes.random(), "لیلا", "کاظمی"))
            .when().post(PATH)
            .then().statusCode(403)
            .contentType("application/problem+json");
    }
}
