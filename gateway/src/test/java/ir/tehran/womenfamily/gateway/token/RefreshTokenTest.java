package ir.tehran.womenfamily.gateway.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.support.audit.AuditEntry;
import ir.tehran.womenfamily.support.audit.AuditLog;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Refresh tokens rotate on each use; a used one presented again revokes its whole login. */
@QuarkusTest
class RefreshTokenTest {

    private static final String PASSWORD = "right-password";

    @Inject
    Identities identities;

    @Inject
    RefreshTokens tokens;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Scheduler scheduler;

    @Test
    void eachRefreshGivesANewAccessTokenAndANewRefreshToken() {
        String username = newUser();
        String first = login(username).extract().path("refresh_token");
        ValidatableResponse refreshed = refresh(first, null).statusCode(200)
            .header("Cache-Control", "no-store")
            .body("access_token", notNullValue())
            .body("token_type", equalTo("Bearer"))
            .body("expires_in", equalTo(900))
            .body("refresh_token", notNullValue());
        String second = refreshed.extract().path("refresh_token");
        assertNotEquals(first, second);
        refresh(second, null).statusCode(200);
    }

    @Test
    void aUsedRefreshTokenPresentedAgainRevokesTheWholeLogin() {
        String username = newUser();
        String first = login(username).extract().path("refresh_token");
        String second = refresh(first, null).statusCode(200).extract().path("refresh_token");

        invalidGrant(refresh(first, null));
        // the thief's replay cost the holder her session too: the successor is revoked
        invalidGrant(refresh(second, null));
        // a new login is a new family and works
        String fresh = login(username).extract().path("refresh_token");
        refresh(fresh, null).statusCode(200);
    }

    @Test
    void aRefreshTokenIssuedToAClientNeedsThatClient() {
        String username = newUser();
        // the password grant is for the clients an admin marked trusted
        given().auth().oauth2(TestTokens.forRoles("root", "admin")).contentType(ContentType.JSON)
            .body(java.util.Map.of("trusted", true, "redirectUris", List.of()))
            .when().put("/admin/clients/" + DemoAccounts.CLIENT_ID + "/sign-in").then().statusCode(200);
        String token = given().contentType(ContentType.URLENC)
            .auth().preemptive().basic(DemoAccounts.CLIENT_ID, "demo-test-client-secret")
            .formParam("grant_type", "password")
            .formParam("username", username)
            .formParam("password", PASSWORD)
            .when().post("/oauth2/token")
            .then().statusCode(200).extract().path("refresh_token");
        invalidGrant(refresh(token, null));
        refresh(token, DemoAccounts.CLIENT_ID).statusCode(200);
    }

    @Test
    void unknownTokensAndScopesAreRefused() {
        invalidGrant(refresh("not-a-refresh-token", null));
        String token = login(newUser()).extract().path("refresh_token");
        given().contentType(ContentType.URLENC)
            .formParam("grant_type", "refresh_token")
            .formParam("refresh_token", token)
            .formParam("scope", "registry.write")
            .when().post("/oauth2/token")
            .then().statusCode(400).body("error", equalTo("invalid_scope"));
        given().contentType(ContentType.URLENC)
            .formParam("grant_type", "refresh_token")
            .when().post("/oauth2/token")
            .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void revokingARefreshTokenSignsOut() {
        String username = newUser();
        String first = login(username).extract().path("refresh_token");
        String second = refresh(first, null).statusCode(200).extract().path("refresh_token");
        given().contentType(ContentType.URLENC)
            .formParam("token", second)
            .formParam("token_type_hint", "refresh_token")
            .when().post("/oauth2/revoke")
            .then().statusCode(200).header("Cache-Control", "no-store");
        invalidGrant(refresh(second, null));
        // unknown tokens are revoked without complaint (RFC 7009)
        given().contentType(ContentType.URLENC).formParam("token", "unknown")
            .when().post("/oauth2/revoke").then().statusCode(200);
    }

    @Test
    void aClientCredentialsTokenComesWithoutRefreshToken() {
        given().contentType(ContentType.URLENC)
            .formParam("grant_type", "client_credentials")
            .formParam("client_id", DemoAccounts.CLIENT_ID)
            .formParam("client_secret", "demo-test-client-secret")
            .when().post("/oauth2/token")
            .then().statusCode(200).body("refresh_token", equalTo(null));
    }

    @Test
    void thePurgeDropsExpiredTokensAndAuditsEachRunThatDidOnce() throws Exception {
        String username = newUser();
        login(username);
        login(username);
        String other = newUser();
        login(other);
        // the scheduled purge would race this one for the same rows
        scheduler.pause(RefreshTokens.PURGE_JOB);
        try {
            execute("update refresh_token set expires_at = now() - interval '1 hour' where username = ?", username);
            execute("update refresh_token set family_expires_at = now() - interval '1 hour' where username = ?",
                other);
            Instant cutoff = Instant.now();
            long due = count("select count(*) from refresh_token where expires_at < ? or family_expires_at < ?",
                cutoff);
            assertTrue(due >= 3, "the three tokens made unredeemable, at least: " + due);

            long lastSeq = lastEntrySeq();
            assertEquals(due, tokens.purge(cutoff));
            assertEquals(0, count("select count(*) from refresh_token where expires_at < ? or family_expires_at < ?",
                cutoff));

            List<AuditEntry> entries = jobEntriesAfter(lastSeq);
            assertEquals(1, entries.size(), "one entry per run: " + entries);
            AuditEntry entry = entries.get(0);
            assertEquals("housekeeping.refresh-token.purge", entry.action());
            assertEquals("refresh-token", entry.resourceType());
            assertNull(entry.resourceId());
            assertEquals("job:" + RefreshTokens.PURGE_JOB, entry.purpose());
            assertEquals(Long.toString(due), entry.detail().get("rows"));
            assertEquals(cutoff.toString(), entry.detail().get("cutoff"));
            assertEquals(2, entry.detail().size(), "the count and the cutoff only, no username: " + entry.detail());

            long afterRun = lastEntrySeq();
            assertEquals(0, tokens.purge(cutoff));
            assertTrue(jobEntriesAfter(afterRun).isEmpty(), "a run with nothing to do records nothing");
            AuditLog.Verification verification = auditLog.verify();
            assertTrue(verification.valid(), "the chain verifies: " + verification.firstBroken());
        } finally {
            scheduler.resume(RefreshTokens.PURGE_JOB);
        }
    }

    private void execute(String sql, String param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            assertTrue(s.executeUpdate() > 0);
        }
    }

    private long count(String sql, Instant at) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<AuditEntry> jobEntriesAfter(long seq) {
        return auditLog.byActorAfter("system:" + RefreshTokens.PURGE_JOB, seq);
    }

    private long lastEntrySeq() {
        return auditLog.lastSeq();
    }

    private String newUser() {
        String username = "mobile-" + UUID.randomUUID();
        identities.createStaffUserIfAbsent(username, PASSWORD, List.of("caseworker"), List.of(4));
        return username;
    }

    private static ValidatableResponse login(String username) {
        return given().contentType(ContentType.URLENC)
            .formParam("grant_type", "password")
            .formParam("username", username)
            .formParam("password", PASSWORD)
            .when().post("/oauth2/token")
            .then().statusCode(200).body("refresh_token", notNullValue());
    }

    private static ValidatableResponse refresh(String refreshToken, String demoClient) {
        var request = given().contentType(ContentType.URLENC);
        if (demoClient != null) {
            request = request.auth().preemptive().basic(demoClient, "demo-test-client-secret");
        }
        return request.formParam("grant_type", "refresh_token")
            .formParam("refresh_token", refreshToken)
            .when().post("/oauth2/token")
            .then();
    }

    private static void invalidGrant(ValidatableResponse response) {
        response.statusCode(400)
            .header("Cache-Control", "no-store")
            .body("error", equalTo("invalid_grant"))
            .body("access_token", equalTo(null));
    }
}
