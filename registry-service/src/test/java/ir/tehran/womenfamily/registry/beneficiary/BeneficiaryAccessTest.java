package ir.tehran.womenfamily.registry.beneficiary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

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

    /** A token as the caseworker's usual one, issued at {@code iat} and living {@code lifetime}. */
    private static TestTokens caseworker(Instant iat, Duration lifetime) {
        return TestTokens.token().subject("cw").groups("caseworker").issuedAt(iat).lifetime(lifetime);
    }

    private static void expectAccepted(String token) {
        given().auth().oauth2(token).when().get(PATH).then().statusCode(200);
    }

    @Test
    void issuedInTheFuture() {
        expect401(caseworker(Instant.now().plus(Duration.ofMinutes(10)), Duration.ofMinutes(5)).sign());
    }

    @Test
    void issuedFurtherInTheFutureThanTheClockSkew() {
        // the skew is 30 s: 45 s ahead is refused even while the request takes a few seconds
        expect401(caseworker(Instant.now().plusSeconds(45), Duration.ofMinutes(5)).sign());
    }

    @Test
    void issuedInTheFutureWithinTheClockSkewIsAccepted() {
        expectAccepted(caseworker(Instant.now().plusSeconds(15), Duration.ofMinutes(5)).sign());
    }

    @Test
    void livingLongerThanTheLongestAccessToken() {
        // 15 minutes is the most the gateway issues; one second more is refused, though still unexpired
        expect401(caseworker(Instant.now(), Duration.ofMinutes(15).plusSeconds(1)).sign());
        expect401(caseworker(Instant.now().minusSeconds(60), Duration.ofDays(30)).sign());
    }

    @Test
    void livingExactlyTheLongestAccessTokenIsAccepted() {
        expectAccepted(caseworker(Instant.now(), Duration.ofMinutes(15)).sign());
    }

    @Test
    void expiredLongerAgoThanTheClockSkew() {
        expect401(caseworker(Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(45), Duration.ofMinutes(5))
            .sign());
    }

    @Test
    void expiredWithinTheClockSkewIsAccepted() {
        expectAccepted(caseworker(Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(10), Duration.ofMinutes(5))
            .sign());
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
