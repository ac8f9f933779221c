package ir.tehran.womenfamily.gateway.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.JWTParser;
import ir.tehran.womenfamily.gateway.token.StaffUser;
import ir.tehran.womenfamily.gateway.token.TokenIssuer;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * People managed by an admin: created with a password shown once, which she must replace at her first login,
 * their access changed, disabled, reset (and then she must choose again).
 */
@QuarkusTest
class UserAdminTest {

    @Inject
    JWTParser parser;

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.forRoles("admin-" + UUID.randomUUID(), "admin"))
            .contentType(ContentType.JSON);
    }

    private static String newName() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static ValidatableResponse create(String username, Map<String, Object> access) {
        return asAdmin().body(Map.of("username", username, "access", access)).when().post("/admin/users").then();
    }

    private static ValidatableResponse login(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "password")
            .formParam("username", username).formParam("password", password)
            .when().post("/oauth2/token").then();
    }

    private static JsonPath claims(String accessToken) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1])));
    }

    private static ValidatableResponse change(String token, String current, String next) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
            .body(Map.of("currentPassword", current, "newPassword", next))
            .when().post("/account/password").then();
    }

    private static JsonPath audit(String username) {
        return asAdmin().queryParam("resourceType", "user").queryParam("resourceId", username).when().get("/audit")
            .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Her login with a password an admin handed over: a token with no role and no limiting claim that serves
     * only the password change, and no refresh token.
     */
    private String changeOnlyToken(String username, String handedOver) throws Exception {
        JsonPath login = login(username, handedOver).statusCode(200)
            .body("password_change_required", equalTo(true))
            .body("refresh_token", nullValue())
            .extract().jsonPath();
        JsonWebToken token = parser.parse(login.getString("access_token"));
        assertTrue(token.getGroups().isEmpty(), "no role before she chooses her password: " + token.getGroups());
        assertTrue(token.containsClaim(TokenIssuer.PASSWORD_CHANGE_CLAIM));
        assertNull(token.getClaim("districts"));
        assertNull(token.getClaim("businesses"));
        assertNull(token.getClaim("sponsor_id"));
        return login.getString("access_token");
    }

    /** She replaces the handed-over password with one of her own, which she then signs in with. */
    private String chooseOwnPassword(String username, String handedOver) throws Exception {
        String chosen = "chosen-by-her-" + UUID.randomUUID().toString().substring(0, 8);
        change(changeOnlyToken(username, handedOver), handedOver, chosen).statusCode(204);
        asAdmin().when().get("/admin/users/" + username).then().statusCode(200)
            .body("mustChangePassword", equalTo(false));
        login(username, handedOver).statusCode(400).body("error", equalTo("invalid_grant"));
        return chosen;
    }

    @Test
    void anAdminCreatesACaseworkerWhoReplacesThePasswordShownOnceAtHerFirstLogin() throws Exception {
        String name = newName();
        ValidatableResponse created = create(name, Map.of("roles", List.of("caseworker"), "districts", List.of(5, 12)))
            .statusCode(201)
            .header("Location", endsWith("/admin/users/" + name))
            .header("Cache-Control", "no-store")
            .body("user.username", equalTo(name))
            .body("user.roles", equalTo(List.of("caseworker")))
            .body("user.districts", equalTo(List.of(5, 12)))
            .body("user.active", equalTo(true))
            .body("user.mustChangePassword", equalTo(true))
            .body("user.passwordHash", nullValue())
            .body("password.password", notNullValue());
        String password = created.extract().path("password.password");
        asAdmin().when().get("/admin/users/" + name).then().statusCode(200)
            .body("username", equalTo(name)).body("password", nullValue()).body("mustChangePassword", equalTo(true));

        // the handed-over password gives only the change, every time until she changes it
        String limited = changeOnlyToken(name, password);
        changeOnlyToken(name, password);
        change(limited, password, "chosen-by-her-1234").statusCode(204);

        JsonPath full = login(name, "chosen-by-her-1234").statusCode(200)
            .body("password_change_required", nullValue())
            .body("refresh_token", notNullValue())
            .extract().jsonPath();
        String token = full.getString("access_token");
        assertEquals(List.of("caseworker"), claims(token).getList("groups"));
        assertEquals(List.of(5, 12), claims(token).getList("districts"));
        login(name, password).statusCode(400).body("error", equalTo("invalid_grant"));

        asAdmin().when().get("/admin/users/" + name).then().statusCode(200)
            .body("username", equalTo(name)).body("password", nullValue()).body("mustChangePassword", equalTo(false));
        asAdmin().when().get("/admin/users").then().statusCode(200).body("username", hasItem(name));
        create(name, Map.of("roles", List.of("caseworker"))).statusCode(409)
            .contentType("application/problem+json");

        JsonPath entries = audit(name);
        assertEquals(List.of("user.password.change", "user.create"), entries.getList("items.action"));
        assertEquals("true", entries.getString("items[0].detail.oneTimePasswordReplaced"));
        assertEquals(name, entries.getString("items[0].actor"));
        assertEquals("true", entries.getString("items[1].detail.mustChangePassword"));
        assertEquals("caseworker", entries.getString("items[1].detail.roles"));
    }

    @Test
    void rolesAndTheirClaimsChangeTogetherAndApplyAtTheNextLogin() throws Exception {
        String name = newName();
        String handedOver = create(name, Map.of("roles", List.of("sponsorship-officer"))).statusCode(201)
            .extract().path("password.password");
        String password = chooseOwnPassword(name, handedOver);
        String business = UUID.randomUUID().toString();
        asAdmin().body(Map.of("roles", List.of("producer"), "businesses", List.of(business)))
            .when().put("/admin/users/" + name + "/access").then().statusCode(200)
            .body("roles", equalTo(List.of("producer"))).body("businesses", equalTo(List.of(business)));
        String token = login(name, password).statusCode(200).extract().path("access_token");
        assertEquals(List.of("producer"), claims(token).getList("groups"));
        assertEquals(List.of(business), claims(token).getList("businesses"));

        String sponsorId = UUID.randomUUID().toString();
        asAdmin().body(Map.of("roles", List.of("sponsor"), "sponsorId", sponsorId))
            .when().put("/admin/users/" + name + "/access").then().statusCode(200)
            .body("sponsorId", equalTo(sponsorId)).body("businesses", nullValue());
        token = login(name, password).statusCode(200).extract().path("access_token");
        assertEquals(sponsorId, claims(token).getString("sponsor_id"));
    }

    @Test
    void aSponsorshipOfficerWorksInTheDistrictsTheAdminGivesHer() throws Exception {
        String name = newName();
        String handedOver = create(name, Map.of("roles", List.of("sponsorship-officer"), "districts", List.of(5)))
            .statusCode(201).body("user.districts", equalTo(List.of(5))).extract().path("password.password");
        String password = chooseOwnPassword(name, handedOver);
        String token = login(name, password).statusCode(200).extract().path("access_token");
        assertEquals(List.of("sponsorship-officer"), claims(token).getList("groups"));
        assertEquals(List.of(5), claims(token).getList("districts"));

        asAdmin().body(Map.of("roles", List.of("sponsorship-officer"), "districts", List.of(5, 7)))
            .when().put("/admin/users/" + name + "/access").then().statusCode(200)
            .body("districts", equalTo(List.of(5, 7)));
        token = login(name, password).statusCode(200).extract().path("access_token");
        assertEquals(List.of(5, 7), claims(token).getList("districts"));
        // a role that does not work in districts still cannot have them
        asAdmin().body(Map.of("roles", List.of("bazaar-coordinator"), "districts", List.of(5)))
            .when().put("/admin/users/" + name + "/access").then().statusCode(400)
            .body("errors.field", equalTo(List.of("districts")));
    }

    @Test
    void rolesAndClaimsThatDoNotFitAre400sNamingEachField() {
        String name = newName();
        create(name, Map.of("roles", List.of("partner-app", "producer"), "districts", List.of(30),
                "sponsorId", "x"))
            .statusCode(400).contentType("application/problem+json")
            .body("errors.field", hasItems("access.roles[0]", "access.districts", "access.businesses",
                "access.sponsorId"));
        create(name, Map.of("roles", List.of("sponsor"))).statusCode(400)
            .body("errors.field", equalTo(List.of("access.sponsorId")));
        // the sponsorship service knows a sponsor by her benefactor id, a UUID: anything else is refused there
        create(name, Map.of("roles", List.of("sponsor"), "sponsorId", "demo-sponsor")).statusCode(400)
            .body("errors.field", equalTo(List.of("access.sponsorId")));
        create(name, Map.of("roles", List.of("producer"), "businesses", List.of("not-a-uuid"))).statusCode(400)
            .body("errors.field", equalTo(List.of("access.businesses")));
        asAdmin().body(Map.of("username", name, "access", Map.of("roles", List.of("admin")), "active", false))
            .when().post("/admin/users").then().statusCode(400).contentType("application/problem+json");
        asAdmin().body(Map.of("username", "A B", "access", Map.of("roles", List.of("admin"))))
            .when().post("/admin/users").then().statusCode(400).body("errors.field", hasItem("username"));
        asAdmin().when().get("/admin/users/" + name).then().statusCode(404).contentType("application/problem+json");
        asAdmin().body(Map.of("roles", List.of("admin"))).when().put("/admin/users/" + name + "/access")
            .then().statusCode(404);
    }

    @Test
    void disablingEndsHerLoginsAndAResetIssuesANewPasswordOnce() throws Exception {
        String name = newName();
        String handedOver = create(name, Map.of("roles", List.of("bazaar-coordinator"))).statusCode(201)
            .extract().path("password.password");
        String password = chooseOwnPassword(name, handedOver);
        String refresh = login(name, password).statusCode(200).extract().path("refresh_token");

        asAdmin().when().post("/admin/users/" + name + "/disable").then().statusCode(200)
            .body("active", equalTo(false));
        login(name, password).statusCode(400).body("error", equalTo("invalid_grant"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
            .formParam("refresh_token", refresh).when().post("/oauth2/token").then().statusCode(400)
            .body("error", equalTo("invalid_grant"));

        asAdmin().when().post("/admin/users/" + name + "/enable").then().statusCode(200)
            .body("active", equalTo(true));
        login(name, password).statusCode(200);

        String fresh = asAdmin().when().post("/admin/users/" + name + "/password-reset").then().statusCode(200)
            .header("Cache-Control", "no-store").body("username", equalTo(name))
            .extract().path("password");
        login(name, password).statusCode(400);
        String chosenAgain = chooseOwnPassword(name, fresh);
        login(name, chosenAgain).statusCode(200).body("refresh_token", notNullValue());

        assertEquals(List.of("user.password.change", "user.password.reset", "user.enable", "user.disable",
            "user.password.change", "user.create"), audit(name).getList("items.action"));
    }

    @Test
    void aResetMakesHerChooseAgainAndEndsEveryLoginOfHers() throws Exception {
        String name = newName();
        String handedOver = create(name, Map.of("roles", List.of("admin"))).statusCode(201)
            .extract().path("password.password");
        // an admin-to-be has no admin rights with the handed-over password
        given().auth().oauth2(changeOnlyToken(name, handedOver)).when().get("/admin/users").then().statusCode(403);
        String own = chooseOwnPassword(name, handedOver);
        JsonPath phone = login(name, own).statusCode(200).extract().jsonPath();
        JsonPath tablet = login(name, own).statusCode(200).extract().jsonPath();
        assertEquals(List.of("admin"), claims(phone.getString("access_token")).getList("groups"));

        String reset = asAdmin().when().post("/admin/users/" + name + "/password-reset").then().statusCode(200)
            .header("Cache-Control", "no-store").extract().path("password");
        asAdmin().when().get("/admin/users/" + name).then().statusCode(200)
            .body("mustChangePassword", equalTo(true));

        // both logins end, her own password is gone, and the reset one serves only the change again
        for (JsonPath device : List.of(phone, tablet)) {
            given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", device.getString("refresh_token"))
                .when().post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        }
        login(name, own).statusCode(400).body("error", equalTo("invalid_grant"));
        String limited = changeOnlyToken(name, reset);
        given().auth().oauth2(limited).when().get("/admin/users").then().statusCode(403);

        JsonPath entries = audit(name);
        assertEquals("user.password.reset", entries.getString("items[0].action"));
        assertEquals("2", entries.getString("items[0].detail.refreshTokensRevoked"));
        assertEquals("true", entries.getString("items[0].detail.mustChangePassword"));

        String chosen = "chosen-again-" + UUID.randomUUID().toString().substring(0, 8);
        change(limited, reset, chosen).statusCode(204);
        JsonPath full = login(name, chosen).statusCode(200).body("refresh_token", notNullValue())
            .extract().jsonPath();
        assertEquals(List.of("admin"), claims(full.getString("access_token")).getList("groups"));
        given().auth().oauth2(full.getString("access_token")).when().get("/admin/users").then().statusCode(200);
        asAdmin().when().get("/admin/users/" + name).then().statusCode(200)
            .body("mustChangePassword", equalTo(false));
    }

    @Test
    void onlyAnAdminManagesPeople() {
        String name = newName();
        given().when().get("/admin/users").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("username", name, "access",
            Map.of("roles", List.of("admin")))).when().post("/admin/users").then().statusCode(401);
        for (String role : List.of("caseworker", "bazaar-coordinator", "sponsorship-officer", "producer", "sponsor",
                "partner-app", "agency")) {
            String token = TestTokens.forRoles("someone", role);
            given().auth().oauth2(token).when().get("/admin/users").then().statusCode(403)
                .contentType("application/problem+json");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("username", name, "access", Map.of("roles", List.of("admin"))))
                .when().post("/admin/users").then().statusCode(403);
            given().auth().oauth2(token).when().post("/admin/users/admin/password-reset").then().statusCode(403);
        }
        asAdmin().when().get("/admin/users/" + name).then().statusCode(404);
    }

    @Test
    void aWomansAccountIsNotStaffSoItIsInNoListAndEveryOperationOnItIs404() {
        // as her first sign-in with a one-time code makes it (MobileSignIn): role woman, no usable password
        String woman = "woman:" + UUID.randomUUID().toString().replace("-", "");
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUser user = new StaffUser();
            user.username = woman;
            user.passwordHash = "!";
            user.roles = new String[] {"woman"};
            user.createdAt = Instant.now();
            user.persist();
        });
        String staff = newName();
        create(staff, Map.of("roles", List.of("bazaar-coordinator"))).statusCode(201);

        asAdmin().when().get("/admin/users").then().statusCode(200).body("username", hasItem(staff))
            .body("username", not(hasItem(woman))).body("roles.flatten()", not(hasItem("woman")));
        asAdmin().when().get("/admin/users/" + woman).then().statusCode(404).contentType("application/problem+json");
        for (String action : List.of("disable", "enable", "password-reset")) {
            asAdmin().when().post("/admin/users/" + woman + "/" + action).then().statusCode(404);
        }
        asAdmin().body(Map.of("roles", List.of("admin"))).when().put("/admin/users/" + woman + "/access")
            .then().statusCode(404);
        StaffUser unchanged = QuarkusTransaction.requiringNew().call(() -> StaffUser.findById(woman));
        assertEquals(List.of("woman"), List.of(unchanged.roles));
        assertEquals("!", unchanged.passwordHash);
    }

    @Test
    void actionsOnAUserWhoDoesNotExistAre404AndAControlCharacterInHerNameIs400() {
        for (String action : List.of("disable", "enable", "password-reset")) {
            asAdmin().when().post("/admin/users/nobody-" + UUID.randomUUID() + "/" + action)
                .then().statusCode(404).contentType("application/problem+json");
        }
        asAdmin().body(Map.of("roles", List.of("bazaar-coordinator")))
            .when().put("/admin/users/nobody-" + UUID.randomUUID() + "/access")
            .then().statusCode(404).contentType("application/problem+json");
        // %00 is a NUL once decoded, which PostgreSQL refuses in a text
        asAdmin().urlEncodingEnabled(false).when().post("/admin/users/a%00b/disable")
            .then().statusCode(400).contentType("application/problem+json")
            .body("type", endsWith("/unstorable-value"));
    }

    @Test
    void aFormWithABrokenPercentEncodingIs400() {
        for (String path : List.of("/oauth2/token", "/oauth2/revoke")) {
            given().contentType(ContentType.URLENC).body("grant_type=password&token=%ZZ")
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-form"));
        }
    }
}
