package ir.tehran.womenfamily.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.JWTParser;
import ir.tehran.womenfamily.gateway.token.DemoAccounts;
import ir.tehran.womenfamily.gateway.token.Identities;
import ir.tehran.womenfamily.localstack.TestInfra;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token endpoint, against the gateway's real database. Each test makes the accounts it changes. */
@QuarkusTest
class TokenTest {

    private static final String DEMO_PASSWORD = "demo-test-password";
    private static final String DEMO_SECRET = "demo-test-client-secret";

    @Inject
    Identities identities;

    @Inject
    JWTParser parser;

    @Test
    void clientCredentialsInTheForm() throws Exception {
        ValidatableResponse response = given().contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", DemoAccounts.CLIENT_ID)
            .formParam("client_secret", DEMO_SECRET)
            .when().post("/oauth2/token")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("token_type", equalTo("Bearer"))
            .body("expires_in", equalTo(900))
            .body("scope", equalTo("registry.basic.read bazaar.read sponsorship.coverage.read"));
        String token = response.extract().path("access_token");

        JwtClaims claims = verifyWithJwks(token);
        assertEquals(TestTokens.ISSUER, claims.getIssuer());
        assertEquals(List.of(TestTokens.AUDIENCE), claims.getAudience());
        assertEquals(DemoAccounts.CLIENT_ID, claims.getSubject());
        assertEquals(DemoAccounts.CLIENT_ID, claims.getStringClaimValue("client_id"));
        assertEquals(List.of("partner-app"), claims.getStringListClaimValue("groups"));
        assertEquals("registry.basic.read bazaar.read sponsorship.coverage.read", claims.getStringClaimValue("scope"));
        assertTrue(claims.getJwtId() != null && !claims.getJwtId().isBlank());
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime > 0 && lifetime <= 15 * 60, "lifetime " + lifetime);
        assertTrue(claims.getIssuedAt().getValue() <= Instant.now().getEpochSecond() + 1);

        JsonWebToken verified = parser.parse(token);
        assertEquals(Set.of("partner-app"), verified.getGroups());
    }

    @Test
    void clientCredentialsWithHttpBasicAndNarrowedScope() throws Exception {
        String clientId = "agency-" + UUID.randomUUID();
        identities.createClientIfAbsent(clientId, "Test agency", "s3cret:with/odd chars", List.of("agency"),
            List.of("registry.basic.read", "registry.write"));
        String token = given().contentType(ContentType.URLENC)
            .auth().preemptive().basic(URLEncoder.encode(clientId, StandardCharsets.UTF_8),
                URLEncoder.encode("s3cret:with/odd chars", StandardCharsets.UTF_8))
            .formParam("grant_type", "client_credentials")
            .formParam("scope", "registry.write")
            .when().post("/oauth2/token")
            .then()
            .statusCode(200)
            .body("scope", equalTo("registry.write"))
            .extract().path("access_token");
        JwtClaims claims = verifyWithJwks(token);
        assertEquals("registry.write", claims.getStringClaimValue("scope"));
        assertEquals(List.of("agency"), claims.getStringListClaimValue("groups"));
    }

    @Test
    void scopeTheClientDoesNotHaveIsRefused() {
        tokenError(given().contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", DemoAccounts.CLIENT_ID)
            .formParam("client_secret", DEMO_SECRET)
            .formParam("scope", "registry.basic.read registry.admin")
            .when().post("/oauth2/token").then(), 400, "invalid_scope");
    }

    @Test
    void wrongClientSecretIsInvalidClient() {
        tokenError(given().contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", DemoAccounts.CLIENT_ID)
            .formParam("client_secret", "not-the-secret")
            .when().post("/oauth2/token").then(), 401, "invalid_client")
            .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void unknownClientAndMissingCredentialsAreInvalidClient() {
        tokenError(given().contentType(ContentType.URLENC)
            .auth().preemptive().basic("no-such-client", "whatever")
            .formParam("grant_type", "client_credentials")
            .when().post("/oauth2/token").then(), 401, "invalid_client");
        tokenError(given().contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .when().post("/oauth2/token").then(), 401, "invalid_client");
    }

    @Test
    void passwordGrantForDemoCaseworker() throws Exception {
        ValidatableResponse response = given().contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("username", "caseworker")
            .formParam("password", DEMO_PASSWORD)
            .when().post("/oauth2/token")
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("token_type", equalTo("Bearer"))
            .body("expires_in", equalTo(900))
            .body("scope", nullValue());
        String token = response.extract().path("access_token");
        JwtClaims claims = verifyWithJwks(token);
        assertEquals("caseworker", claims.getSubject());
        assertEquals("caseworker", claims.getStringClaimValue("upn"));
        assertEquals(List.of("caseworker"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of(5L), claims.getClaimValue("districts", List.class));
        assertEquals(Set.of("caseworker"), parser.parse(token).getGroups());
    }

    @Test
    void everyDemoAccountExists() {
        for (String user : List.of("admin", "caseworker", "coordinator", "officer", "producer", "sponsor")) {
            given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", DEMO_PASSWORD)
                .when().post("/oauth2/token")
                .then().statusCode(200);
        }
    }

    @Test
    void wrongPasswordIsInvalidGrant() {
        String username = newStaffUser("right-password");
        tokenError(passwordGrant(username, "wrong-password"), 400, "invalid_grant");
        tokenError(passwordGrant("nobody-" + UUID.randomUUID(), "whatever"), 400, "invalid_grant");
        passwordGrant(username, "right-password").statusCode(200);
    }

    @Test
    void fiveWrongPasswordsFromOneAddressMakeItWait() {
        String username = newStaffUser("right-password");
        for (int i = 0; i < 5; i++) {
            tokenError(passwordGrant(username, "wrong-" + i), 400, "invalid_grant");
        }
        // the same answer as a wrong password (see LoginThrottleTest for the other address and the delays)
        tokenError(passwordGrant(username, "right-password"), 400, "invalid_grant")
            .body("error_description", equalTo("Wrong username or password, or too many attempts from this "
                + "address: wait a little and try again."));
    }

    @Test
    void fourWrongPasswordsThenTheRightOneResetTheCount() {
        String username = newStaffUser("right-password");
        for (int i = 0; i < 4; i++) {
            tokenError(passwordGrant(username, "wrong-" + i), 400, "invalid_grant");
        }
        passwordGrant(username, "right-password").statusCode(200);
        for (int i = 0; i < 4; i++) {
            tokenError(passwordGrant(username, "wrong-" + i), 400, "invalid_grant");
        }
        passwordGrant(username, "right-password").statusCode(200);
    }

    @Test
    void unsupportedAndMissingGrantTypes() {
        tokenError(given().contentType(ContentType.URLENC)
            .formParam("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
            .formParam("device_code", "abc")
            .when().post("/oauth2/token").then(), 400, "unsupported_grant_type");
        tokenError(given().contentType(ContentType.URLENC)
            .formParam("username", "admin")
            .when().post("/oauth2/token").then(), 400, "invalid_request");
        tokenError(given().contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("username", "admin")
            .when().post("/oauth2/token").then(), 400, "invalid_request");
    }

    @Test
    void aBodyThatIsNotAFormIsInvalidRequest() {
        tokenError(given().contentType(ContentType.JSON)
            .body("{\"grant_type\":\"client_credentials\"}")
            .when().post("/oauth2/token").then(), 400, "invalid_request");
    }

    @Test
    void jwksServesOnlyPublicKeysTheSigningOneAndThePreviousOne() {
        String kid = TestInfra.jwtKeys().loadSigningKey().getKeyId();
        String previous = RotatedKeys.previousKey().getKeyId();
        given().when().get("/oauth2/jwks")
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("keys.size()", equalTo(2))
            .body("keys.kid", equalTo(List.of(kid, previous)))
            .body("keys.kty", equalTo(List.of("RSA", "RSA")))
            .body("keys[0].n", notNullValue())
            .body("keys.d", equalTo(Arrays.asList(null, null)))
            .body("keys.p", equalTo(Arrays.asList(null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
    void discoveryDocumentListsOnlyWhatExists(String path) {
        given().when().get(path)
            .then()
            .statusCode(200)
            .contentType(ContentType.JSON)
            .body("issuer", equalTo(TestTokens.ISSUER))
            .body("token_endpoint", endsWith("/oauth2/token"))
            .body("jwks_uri", endsWith("/oauth2/jwks"))
            .body("grant_types_supported",
                equalTo(List.of("authorization_code", "client_credentials", "password", "refresh_token",
                    "urn:women-family:params:oauth:grant-type:mobile-code")))
            .body("revocation_endpoint", endsWith("/oauth2/revoke"))
            .body("mobile_code_endpoint", endsWith("/oauth2/mobile-code"))
            .body("claims_supported", hasItems("groups", "districts", "businesses", "sponsor_id", "beneficiary_id"))
            .body("scopes_supported", hasItems("registry.basic.read", "bazaar.read", "sponsorship.coverage.read"))
            // a public client, or a password or refresh grant without a client: "none"
            .body("token_endpoint_auth_methods_supported",
                equalTo(List.of("client_secret_basic", "client_secret_post", "none")))
            // the authorization code grant with PKCE, S256 only; no ID token, so no ID token algorithm
            .body("authorization_endpoint", endsWith("/oauth2/authorize"))
            .body("response_types_supported", equalTo(List.of("code")))
            .body("code_challenge_methods_supported", equalTo(List.of("S256")))
            .body("$", not(hasKey("id_token_signing_alg_values_supported")))
            .body("$", not(hasKey("userinfo_endpoint")));
    }

    @Test
    void everyEndpointTheMetadataNamesAnswers() {
        var metadata = given().get("/.well-known/oauth-authorization-server").then().extract().jsonPath();
        for (String endpoint : List.of("token_endpoint", "revocation_endpoint")) {
            String path = java.net.URI.create(metadata.getString(endpoint)).getPath();
            given().contentType(ContentType.URLENC).formParam("x", "y").post(path)
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        }
        given().get(java.net.URI.create(metadata.getString("jwks_uri")).getPath()).then().statusCode(200);
        // the sign-in page answers: without a client, its error is on the page
        given().redirects().follow(false).get(java.net.URI.create(metadata.getString("authorization_endpoint"))
            .getPath()).then().statusCode(400).contentType("text/html");
    }

    private String newStaffUser(String password) {
        String username = "staff-" + UUID.randomUUID();
        identities.createStaffUserIfAbsent(username, password, List.of("caseworker"), List.of(3, 7));
        return username;
    }

    private static ValidatableResponse passwordGrant(String username, String password) {
        return given().contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("username", username)
            .formParam("password", password)
            .when().post("/oauth2/token")
            .then();
    }

    private static ValidatableResponse tokenError(ValidatableResponse response, int status, String error) {
        return response.statusCode(status)
            .contentType(ContentType.JSON)
            .header("Cache-Control", "no-store")
            .body("error", equalTo(error))
            .body("error_description", notNullValue())
            .body("access_token", nullValue());
    }

    /** Verifies the signature with the gateway's published JWKS, and that the header names the test key. */
    static JwtClaims verifyWithJwks(String token) throws Exception {
        String jwks = given().when().get("/oauth2/jwks").then().statusCode(200).extract().asString();
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        assertEquals(TestInfra.jwtKeys().loadSigningKey().getKeyId(), jws.getKeyIdHeaderValue());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());
        return new JwtConsumerBuilder()
            .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
            .setExpectedIssuer(TestTokens.ISSUER)
            .setExpectedAudience(TestTokens.AUDIENCE)
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setRequireJwtId()
            .build()
            .processToClaims(token);
    }
}
