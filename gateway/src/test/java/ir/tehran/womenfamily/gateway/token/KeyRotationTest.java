package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.gateway.RotatedKeys;
import ir.tehran.womenfamily.localstack.TestTokens;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/** After a rotation, a service reading the gateway's JWKS still verifies tokens signed with the old key. */
@QuarkusTest
class KeyRotationTest {

    @Test
    void aTokenSignedBeforeTheRotationVerifiesWithThePublishedKeys() throws Exception {
        RsaJsonWebKey previous = RotatedKeys.previousKey();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestTokens.ISSUER);
        claims.setAudience(TestTokens.AUDIENCE);
        claims.setSubject("demo-partner-app");
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(previous.getPrivateKey());
        jws.setKeyIdHeaderValue(previous.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);

        String jwks = given().when().get("/oauth2/jwks").then().statusCode(200).extract().asString();
        JwtClaims verified = new JwtConsumerBuilder()
            .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
            .setExpectedIssuer(TestTokens.ISSUER)
            .setExpectedAudience(TestTokens.AUDIENCE)
            .build()
            .processToClaims(jws.getCompactSerialization());
        assertEquals("demo-partner-app", verified.getSubject());
    }
}
