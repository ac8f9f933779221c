package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTParser;
import ir.tehran.womenfamily.localstack.TestTokens;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The first admin of a production installation, from the environment: created only while no active admin
 * exists, with a password she must change before her token carries any role.
 */
@QuarkusTest
class BootstrapAdminTest {

    private static final String ONE_TIME = "first-login-only-7f3a9c";

    @Inject
    BootstrapAdmin bootstrap;

    @Inject
    JWTParser parser;

    @Test
    void theSettingIsCheckedBeforeAnythingIsCreated() {
        assertEquals(Optional.empty(), bootstrap.settings(Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.empty(), Optional.of(ONE_TIME), Optional.empty()));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.of("root"), Optional.empty(), Optional.empty()));
        String hash = BCrypt.withDefaults().hashToString(10, ONE_TIME.toCharArray());
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.of("root"), Optional.of(ONE_TIME), Optional.of(hash)));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.of("root"), Optional.empty(), Optional.of("not-a-hash")));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.of("Root User"), Optional.of(ONE_TIME), Optional.empty()));
        // too short, and containing the username
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.of("root"), Optional.of("short"), Optional.empty()));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.settings(Optional.of("root"), Optional.of("root-and-some-more"), Optional.empty()));

        assertEquals(new BootstrapAdmin.Settings("root", hash),
            bootstrap.settings(Optional.of(" root "), Optional.empty(), Optional.of(hash)).orElseThrow());
        BootstrapAdmin.Settings fromPassword = bootstrap.settings(Optional.of("root"), Optional.of(ONE_TIME),
            Optional.empty()).orElseThrow();
        assertTrue(BCrypt.verifyer().verify(ONE_TIME.toCharArray(), fromPassword.passwordHash()).verified,
            "the one-time password is kept as a bcrypt hash only");
    }

    @Test
    void nothingIsCreatedWhileAnActiveAdminExists() {
        String name = "first-" + UUID.randomUUID().toString().substring(0, 8);
        // the demo admin of the test profile is active
        assertEquals(BootstrapAdmin.Outcome.ADMIN_EXISTS, bootstrap.ensure(settings(name)));
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> StaffUser.findById(name)));
    }

    @Test
    void withoutAnAdminTheFirstOneIsCreatedAndMustChooseHerPassword() throws Exception {
        String name = "first-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> admins = deactivateEveryAdmin();
        try {
            assertEquals(BootstrapAdmin.Outcome.CREATED, bootstrap.ensure(settings(name)));
            // she exists now, so a second start (another replica) creates nobody
            assertEquals(BootstrapAdmin.Outcome.ADMIN_EXISTS, bootstrap.ensure(settings("other-" + name)));

            JsonPath login = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("username", name).formParam("password", ONE_TIME)
                .when().post("/oauth2/token")
                .then().statusCode(200)
                .body("password_change_required", equalTo(true))
                .body("refresh_token", nullValue())
                .extract().jsonPath();
            JsonWebToken token = parser.parse(login.getString("access_token"));
            assertTrue(token.getGroups().isEmpty(), "no role before the password is changed: " + token.getGroups());
            assertTrue(token.containsClaim(TokenIssuer.PASSWORD_CHANGE_CLAIM));
            given().auth().oauth2(login.getString("access_token"))
                .when().get("/admin/users").then().statusCode(403);

            given().auth().oauth2(TestTokens.forRoles("auditor-" + UUID.randomUUID(), "admin"))
                .queryParam("resourceType", "user").queryParam("resourceId", name)
                .when().get("/audit")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].action", equalTo("user.bootstrap"))
                .body("items[0].actor", equalTo("system:bootstrap-admin"))
                .body("items[0].detail.roles", equalTo("admin"));

            // an existing account of that name is never taken over, even with no active admin
            setActive(name, false);
            String before = QuarkusTransaction.requiringNew().call(() -> StaffUser.<StaffUser>findById(name)
                .passwordHash);
            String other = BCrypt.withDefaults().hashToString(10, "another-one-x".toCharArray());
            assertEquals(BootstrapAdmin.Outcome.USERNAME_TAKEN,
                bootstrap.ensure(new BootstrapAdmin.Settings(name, other)));
            StaffUser after = QuarkusTransaction.requiringNew().call(() -> StaffUser.<StaffUser>findById(name));
            assertEquals(before, after.passwordHash);
            assertFalse(after.active);
        } finally {
            admins.forEach(a -> setActive(a, true));
        }
    }

    @Test
    void theFirstPartyClientIsCheckedThenCreatedTrustedOnce() throws Exception {
        String secret = "a-first-party-secret-of-40-characters-xx";
        assertEquals(Optional.empty(), bootstrap.client(Optional.empty(), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> bootstrap.client(Optional.of("admin-cli"), Optional.empty()));
        assertThrows(IllegalStateException.class, () -> bootstrap.client(Optional.empty(), Optional.of(secret)));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.client(Optional.of("admin-cli"), Optional.of("too-short")));
        assertThrows(IllegalStateException.class,
            () -> bootstrap.client(Optional.of("Admin CLI"), Optional.of(secret)));

        String id = "first-cli-" + UUID.randomUUID().toString().substring(0, 8);
        BootstrapAdmin.ClientSettings client = bootstrap.client(Optional.of(" " + id + " "), Optional.of(secret))
            .orElseThrow();
        assertFalse(client.toString().contains(secret), "the secret is never printed");
        // an unknown client is refused before the password is looked at
        given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
            .formParam("grant_type", "password").formParam("username", "admin")
            .formParam("password", "demo-test-password")
            .when().post("/oauth2/token").then().statusCode(401);

        assertTrue(bootstrap.ensureClient(client));
        assertFalse(bootstrap.ensureClient(new BootstrapAdmin.ClientSettings(id, secret + "-changed")),
            "an existing client is never changed");
        ApiClient created = QuarkusTransaction.requiringNew().call(() -> ApiClient.<ApiClient>findById(id));
        assertTrue(created.trusted);
        assertFalse(created.publicClient);
        assertEquals(0, created.roles.length);
        assertEquals(0, created.scopes.length);
        given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
            .formParam("grant_type", "password").formParam("username", "admin")
            .formParam("password", "demo-test-password")
            .when().post("/oauth2/token").then().statusCode(200)
            .body("refresh_token", notNullValue());
        // the client alone has no role and no scope of its own
        String own = given().contentType(ContentType.URLENC).auth().preemptive().basic(id, secret)
            .formParam("grant_type", "client_credentials")
            .when().post("/oauth2/token").then().statusCode(200).extract().path("access_token");
        JsonWebToken token = parser.parse(own);
        assertTrue(token.getGroups().isEmpty(), "no role: " + token.getGroups());
        assertFalse(token.containsClaim("scope") && !token.getClaim("scope").toString().isEmpty());
    }

    private static BootstrapAdmin.Settings settings(String name) {
        return new BootstrapAdmin.Settings(name, BCrypt.withDefaults().hashToString(10, ONE_TIME.toCharArray()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> deactivateEveryAdmin() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> names = StaffUser.getEntityManager()
                .createNativeQuery("select username from staff_user where active and 'admin' = any(roles)")
                .getResultList();
            names.forEach(n -> StaffUser.<StaffUser>findById(n).active = false);
            return names;
        });
    }

    private static void setActive(String username, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> StaffUser.<StaffUser>findById(username).active = active);
    }
}
