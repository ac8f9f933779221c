package ir.tehran.womenfamily.gateway.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.auth.principal.JWTParser;
import ir.tehran.womenfamily.gateway.GatewayConfig;
import ir.tehran.womenfamily.gateway.token.Identities;
import ir.tehran.womenfamily.gateway.token.Roles;
import ir.tehran.womenfamily.gateway.token.StaffUser;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A person changes her own password: with the current one, under the policy, ending her other logins. */
@QuarkusTest
class PasswordChangeTest {

    private static final String FIRST = "first-password-of-hers";
    private static final String SECOND = "a-new-one-she-chose";

    @Inject
    Identities identities;

    @Inject
    JWTParser parser;

    @Inject
    GatewayConfig config;

    private static String newUser(Identities identities, String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        identities.createUserIfAbsent(new Identities.NewUser(name, FIRST, List.of(role), null,
            Roles.PRODUCER.equals(role) ? List.of(UUID.randomUUID().toString()) : null,
            Roles.SPONSOR.equals(role) ? "benefactor-7" : null));
        return name;
    }

    private static ValidatableResponse login(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
            .formParam("username", username).formParam("password", password)
            .when().post("/oauth2/token").then();
    }

    private static ValidatableResponse change(String token, String current, String next) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Accept-Language", "en")
            .body(Map.of("currentPassword", current, "newPassword", next))
            .when().post("/account/password").then();
    }

    private static JsonPath audit(String username) {
        return given().auth().oauth2(TestTokens.forRoles("auditor-" + UUID.randomUUID(), "admin"))
            .queryParam("resourceType", "user").queryParam("resourceId", username)
            .when().get("/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sheChangesItWithHerCurrentPasswordAndEveryOtherLoginEnds() {
        String name = newUser(identities, Roles.PRODUCER);
        JsonPath phone = login(name, FIRST).statusCode(200).extract().jsonPath();
        JsonPath tablet = login(name, FIRST).statusCode(200).extract().jsonPath();

        change(phone.getString("access_token"), FIRST, SECOND).statusCode(204);

        // both logins' refresh tokens are revoked, the old password is gone, the new one works
        for (JsonPath device : List.of(phone, tablet)) {
            given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", device.getString("refresh_token"))
                .when().post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        login(name, FIRST).statusCode(400).body("error", equalTo("invalid_grant"));
        login(name, SECOND).statusCode(200).body("refresh_token", notNullValue());

        JsonPath entries = audit(name);
        assertEquals("user.password.change", entries.getString("items[0].action"));
        assertEquals("SUCCESS", entries.getString("items[0].outcome"));
        assertEquals(name, entries.getString("items[0].actor"));
        assertEquals("2", entries.getString("items[0].detail.refreshTokensRevoked"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> StaffUser.<StaffUser>findById(name)
            .passwordChangedAt) != null);
    }

    @Test
    void theNewPasswordMustFitThePolicy() {
        String name = newUser(identities, Roles.SPONSOR);
        String token = login(name, FIRST).statusCode(200).extract().path("access_token");
        change(token, FIRST, "short").statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItem("newPassword"))
            .body("errors.message", hasItem("A password has at least 12 characters and at most 72 bytes"));
        change(token, FIRST, "my name is " + name.toUpperCase()).statusCode(400)
            .body("errors.message", hasItem("A password does not contain the username"));
        change(token, FIRST, " padded-password ").statusCode(400)
            .body("errors.message", hasItem("A password does not begin or end with a space"));
        change(token, FIRST, "x".repeat(73)).statusCode(400).body("errors.field", hasItem("newPassword"));
        change(token, FIRST, FIRST).statusCode(400)
            .body("errors.message", hasItem("The new password must differ from the current one"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
            .when().post("/account/password").then().statusCode(400)
            .body("errors.field", containsInAnyOrder("currentPassword", "newPassword"));
        // nothing changed
        login(name, FIRST).statusCode(200);
    }

    @Test
    void aWrongCurrentPasswordIsRefusedRecordedAndCountsTowardsTheThrottle() {
        String name = newUser(identities, Roles.CASEWORKER);
        String token = login(name, FIRST).statusCode(200).extract().path("access_token");
        int attempts = config.security().maxFailedAttempts();
        for (int i = 0; i < attempts; i++) {
            change(token, "not-her-password", SECOND).statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("currentPassword")));
        }
        // this address waits now: the right password is refused, here and at the login
        change(token, FIRST, SECOND).statusCode(403).body("type", org.hamcrest.Matchers.endsWith("account-locked"));
        login(name, FIRST).statusCode(400).body("error", equalTo("invalid_grant"));

        JsonPath entries = audit(name);
        List<Map<String, Object>> changes = entries.<Map<String, Object>>getList("items").stream()
            .filter(e -> "user.password.change".equals(e.get("action"))).toList();
        assertEquals(attempts + 1, changes.size());
        assertTrue(changes.stream().allMatch(e -> "DENIED".equals(e.get("outcome"))), changes.toString());
        assertEquals("throttled", ((Map<?, ?>) changes.get(0).get("detail")).get("reason"));
        assertEquals("wrong-current-password-throttled", ((Map<?, ?>) changes.get(1).get("detail")).get("reason"));
    }

    @Test
    void aPasswordSomeoneElseKnewIsReplacedWithTheOnlyTokenItGets() throws Exception {
        String name = newUser(identities, Roles.ADMIN);
        QuarkusTransaction.requiringNew().run(() -> StaffUser.<StaffUser>findById(name).mustChangePassword = true);
        JsonPath first = login(name, FIRST).statusCode(200).body("password_change_required", equalTo(true))
            .extract().jsonPath();
        String limited = first.getString("access_token");
        assertEquals(Set.of(), parser.parse(limited).getGroups());
        given().auth().oauth2(limited).when().get("/admin/users").then().statusCode(403);

        change(limited, FIRST, SECOND).statusCode(204);

        JsonPath full = login(name, SECOND).statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertNull(full.getString("password_change_required"));
        assertEquals(Set.of("admin"), parser.parse(full.getString("access_token")).getGroups());
        given().auth().oauth2(full.getString("access_token")).when().get("/admin/users").then().statusCode(200);
        assertEquals("true", audit(name).getString("items[0].detail.oneTimePasswordReplaced"));
    }

    @Test
    void clientsAndStrangersHaveNoPasswordHere() {
        String client = TestTokens.token().subject("partner-x").clientId("partner-x").groups("partner-app").sign();
        change(client, FIRST, SECOND).statusCode(403).body("type", org.hamcrest.Matchers.endsWith("not-a-person"));
        String backOffice = TestTokens.token().subject("bazaar-app").clientId("bazaar-app")
            .groups("bazaar-coordinator").sign();
        change(backOffice, FIRST, SECOND).statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("currentPassword", FIRST, "newPassword", SECOND))
            .when().post("/account/password").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void itIsLimitedLikeTheLogin() {
        assertTrue(config.rateLimit().groups().get("token").paths().containsAll(
            List.of("/oauth2/token", "/account/password")), "the password change shares the login's limit");
    }
}
