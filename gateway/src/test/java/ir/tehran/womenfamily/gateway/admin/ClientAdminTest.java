package ir.tehran.womenfamily.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import ir.tehran.womenfamily.gateway.token.Identities;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Client registration, secret rotation and revocation by an admin. Each test registers its own client. */
@QuarkusTest
class ClientAdminTest {

    @Inject
    Identities identities;

    @Test
    void anAdminRegistersAClientAndSeesItsSecretOnce() {
        String id = newId();
        ValidatableResponse created = register(id, List.of("partner-app"), List.of("bazaar.read"))
            .statusCode(201)
            .header("Location", endsWith("/admin/clients/" + id))
            .header("Cache-Control", "no-store")
            .body("client.clientId", equalTo(id))
            .body("client.roles", equalTo(List.of("partner-app")))
            .body("client.scopes", equalTo(List.of("bazaar.read")))
            .body("client.active", equalTo(true))
            .body("client.secrets", hasSize(1))
            .body("secret.clientSecret", notNullValue());
        String secret = created.extract().path("secret.clientSecret");
        token(id, secret).statusCode(200).body("scope", equalTo("bazaar.read"));

        asAdmin().when().get("/admin/clients/" + id)
            .then().statusCode(200)
            .body("clientId", equalTo(id))
            .body("secrets[0].secretId", notNullValue())
            .body("secrets[0].clientSecret", nullValue())
            .body("secrets[0].secretHash", nullValue());
        asAdmin().when().get("/admin/clients").then().statusCode(200).body("clientId", hasItem(id));
    }

    @Test
    void duringARotationBothSecretsWorkUntilTheOldOneIsRevoked() {
        String id = newId();
        ValidatableResponse created = register(id, List.of("agency"), List.of("registry.basic.read")).statusCode(201);
        String oldSecret = created.extract().path("secret.clientSecret");
        String oldId = created.extract().path("secret.secretId");

        ValidatableResponse issued = asAdmin().when().post("/admin/clients/" + id + "/secrets")
            .then().statusCode(201).header("Cache-Control", "no-store").body("clientSecret", notNullValue());
        String newSecret = issued.extract().path("clientSecret");
        token(id, oldSecret).statusCode(200);
        token(id, newSecret).statusCode(200);

        // a third active secret is refused
        asAdmin().header("Accept-Language", "en").when().post("/admin/clients/" + id + "/secrets")
            .then().statusCode(409).contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/secret-limit"));

        asAdmin().when().delete("/admin/clients/" + id + "/secrets/" + oldId).then().statusCode(204);
        token(id, oldSecret).statusCode(401).body("error", equalTo("invalid_client"));
        token(id, newSecret).statusCode(200);
        // revoking it again changes nothing
        asAdmin().when().delete("/admin/clients/" + id + "/secrets/" + oldId).then().statusCode(204);
    }

    @Test
    void aRevokedClientGetsInvalidClientAndLosesItsRefreshTokens() {
        String id = newId();
        String secret = register(id, List.of("partner-app"), List.of()).statusCode(201)
            .extract().path("secret.clientSecret");
        String username = "via-" + id;
        identities.createStaffUserIfAbsent(username, "right-password", List.of("caseworker"), List.of(2));
        // the password grant is for the clients an admin marked trusted
        asAdmin().contentType(ContentType.JSON).body(Map.of("trusted", true, "redirectUris", List.of()))
            .when().put("/admin/clients/" + id + "/sign-in").then().statusCode(200);
        String refresh = given().contentType(ContentType.URLENC)
            .auth().preemptive().basic(id, secret)
            .formParam("grant_type", "password")
            .formParam("username", username)
            .formParam("password", "right-password")
            .when().post("/oauth2/token").then().statusCode(200).extract().path("refresh_token");

        asAdmin().when().post("/admin/clients/" + id + "/revoke")
            .then().statusCode(200)
            .body("active", equalTo(false))
            .body("revokedAt", notNullValue())
            .body("secrets[0].revokedAt", notNullValue());

        token(id, secret).statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType(ContentType.URLENC)
            .auth().preemptive().basic(id, secret)
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", refresh)
            .when().post("/oauth2/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        asAdmin().header("Accept-Language", "en").when().post("/admin/clients/" + id + "/secrets")
            .then().statusCode(409).body("type", equalTo("https://women-family.tehran.ir/problems/client-revoked"));
    }

    @Test
    void aClientCannotBeGivenARoleOfAPersonOrAnyFieldOfTheGateways() {
        register(newId(), List.of("admin"), List.of()).statusCode(400)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("roles[0]"));
        register(newId(), List.of("caseworker"), List.of()).statusCode(400);
        asAdmin().contentType(ContentType.JSON)
            .body(Map.of("clientId", newId(), "name", "x", "roles", List.of("agency"), "scopes", List.of(),
                "active", true))
            .when().post("/admin/clients")
            .then().statusCode(400).contentType("application/problem+json");
        register("Bad Id!", List.of("agency"), List.of()).statusCode(400);
    }

    @Test
    void aTakenIdIsAConflictAndUnknownClientsAreNotFound() {
        String id = newId();
        register(id, List.of("agency"), List.of()).statusCode(201);
        register(id, List.of("agency"), List.of()).statusCode(409);
        asAdmin().when().get("/admin/clients/no-such-client").then().statusCode(404)
            .contentType("application/problem+json");
        asAdmin().when().post("/admin/clients/no-such-client/secrets").then().statusCode(404);
        asAdmin().when().delete("/admin/clients/" + id + "/secrets/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static String newId() {
        return "app-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.forRoles("root", "admin"));
    }

    private static ValidatableResponse register(String id, List<String> roles, List<String> scopes) {
        return asAdmin().contentType(ContentType.JSON)
            .body(Map.of("clientId", id, "name", "Client " + id, "roles", roles, "scopes", scopes))
            .when().post("/admin/clients")
            .then();
    }

    private static ValidatableResponse token(String id, String secret) {
        return given().contentType(ContentType.URLENC)
            .auth().preemptive().basic(id, secret)
            .formParam("grant_type", "client_credentials")
            .when().post("/oauth2/token")
            .then();
    }
}
