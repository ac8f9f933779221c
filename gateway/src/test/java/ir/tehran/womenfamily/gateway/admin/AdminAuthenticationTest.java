package ir.tehran.womenfamily.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.gateway.RotatedKeys;
import ir.tehran.womenfamily.gateway.token.TokenIssuer;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/**
 * Where the gateway itself verifies bearer tokens (its admin API), each reason for a 401 on its own: every
 * token here is a valid admin token but for exactly one thing. And 403 for a valid token without the role.
 */
@QuarkusTest
class AdminAuthenticationTest {

    private static final String PATH = "/admin/clients";

    @Test
    void aValidAdminTokenIsAccepted() {
        call(TestTokens.forRoles("root", "admin")).statusCode(200);
    }

    @Test
    void noTokenIs401() {
        unauthorized(given().header("Accept-Language", "en").when().get(PATH).then());
    }

    @Test
    void anExpiredTokenIs401() {
        unauthorized(call(TestTokens.token().subject("root").groups("admin").expired().sign()));
    }

    @Test
    void aTokenWithABadSignatureIs401() {
        unauthorized(call(TestTokens.token().subject("root").groups("admin").signedByForeignKey().sign()));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        unauthorized(call(TestTokens.token().subject("root").groups("admin").issuer("https://elsewhere.example")
            .sign()));
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        unauthorized(call(TestTokens.token().subject("root").groups("admin").audience("another-api").sign()));
    }

    @Test
    void aTokenIssuedInTheFutureIs401() {
        unauthorized(call(TestTokens.token().subject("root").groups("admin")
            .issuedAt(Instant.now().plus(Duration.ofMinutes(10))).sign()));
    }

    @Test
    void aTokenLivingLongerThanTheGatewayIssuesIs401() {
        // the verifiers' maximum is the gateway's own longest access token, and not one second more
        assertEquals(TokenIssuer.MAX_LIFETIME.toSeconds(),
            ConfigProvider.getConfig().getValue("smallrye.jwt.time-to-live", Long.class));
        call(TestTokens.token().subject("root").groups("admin").lifetime(TokenIssuer.MAX_LIFETIME).sign())
            .statusCode(200);
        unauthorized(call(TestTokens.token().subject("root").groups("admin")
            .lifetime(TokenIssuer.MAX_LIFETIME.plusSeconds(1)).sign()));
    }

    @Test
    void aValidTokenWithoutTheAdminRoleIs403() {
        for (String role : List.of("caseworker", "partner-app", "agency", "producer", "sponsor",
                "bazaar-coordinator", "sponsorship-officer")) {
            call(TestTokens.forRoles("someone", role)).statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://women-family.tehran.ir/problems/forbidden"));
        }
    }

    @Test
    void aTokenSignedWithThePreviousKeyStillVerifies() throws Exception {
        call(signedWithPreviousKey()).statusCode(200);
    }

    private static ValidatableResponse call(String token) {
        return given().auth().oauth2(token).header("Accept-Language", "en").when().get(PATH).then();
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401)
            .contentType("application/problem+json")
            .header("WWW-Authenticate", startsWith("Bearer"))
            .body("type", equalTo("https://women-family.tehran.ir/problems/unauthorized"))
            .body("title", equalTo("Authentication required"));
    }

    /** An admin token as the gateway signed it before the last key rotation. */
    static String signedWithPreviousKey() throws Exception {
        RsaJsonWebKey key = RotatedKeys.previousKey();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestTokens.ISSUER);
        claims.setAudience(TestTokens.AUDIENCE);
        claims.setSubject("root");
        claims.setClaim("upn", "root");
        claims.setStringListClaim("groups", "admin");
        claims.setJwtId(UUID.randomUUID().toString());
        long now = Instant.now().getEpochSecond();
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 300));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }
}
