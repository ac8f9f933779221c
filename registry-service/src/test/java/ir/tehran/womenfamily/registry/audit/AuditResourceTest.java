package ir.tehran.womenfamily.registry.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ir.tehran.womenfamily.localstack.TestTokens;
import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEntry;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import ir.tehran.womenfamily.support.audit.AuditLog;
import ir.tehran.womenfamily.support.audit.AuditQuery;
import ir.tehran.womenfamily.support.audit.AuditRetention;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The audit log: the chain verifies and shows tampering, the database refuses changes, admins query it. */
@QuarkusTest
class AuditResourceTest {

    private static final String PATH = "/api/registry/audit";
    private static final Caller TESTER = Caller.of("audit-tester", "test-client", Set.of("caseworker"));

    @Inject
    Audit audit;

    @Inject
    AuditRetention retention;

    @Inject
    AuditLog auditLog;

    @Inject
    AgroalDataSource dataSource;

    static String admin() {
        return TestTokens.forRoles("auditor-admin", "admin");
    }

    private List<AuditEntry> recordSome(String resourceId, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> QuarkusTransaction.requiringNew().call(() ->
            audit.record(TESTER, AuditEvent.of("test.touch", "test-resource", resourceId).withPurpose("testing")
                .withDetail("i", i)))).toList();
    }

    /** A superuser connection, as an attacker with database access would have; it bypasses the triggers. */
    private static Connection superuser() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
            config.getValue("quarkus.datasource.username", String.class),
            config.getValue("quarkus.datasource.password", String.class));
    }

    private static void tamper(long seq, String actor) throws SQLException {
        try (Connection c = superuser()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement s = c.prepareStatement("update audit_entry set actor = ? where seq = ?")) {
                s.setString(1, actor);
                s.setLong(2, seq);
                assertEquals(1, s.executeUpdate());
            }
            c.commit();
        }
    }

    @Test
    void theChainVerifiesAndATamperedRowIsItsFirstBrokenLink() throws SQLException {
        List<AuditEntry> entries = recordSome(UUID.randomUUID().toString(), 3);
        given().auth().oauth2(admin()).when().get(PATH + "/verify")
            .then().statusCode(200)
            .body("valid", equalTo(true))
            .body("firstBroken", nullValue());

        long victim = entries.get(1).seq();
        tamper(victim, "someone-else");
        try {
            given().auth().oauth2(admin()).when().get(PATH + "/verify")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("firstBroken.seq", equalTo((int) victim))
                .body("lastVerified.seq", equalTo((int) victim - 1));
        } finally {
            tamper(victim, TESTER.subject());
        }
        given().auth().oauth2(admin()).when().get(PATH + "/verify")
            .then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEntries() throws SQLException {
        long seq = recordSome(UUID.randomUUID().toString(), 1).get(0).seq();
        try (Connection c = dataSource.getConnection()) {
            SQLException update = assertThrows(SQLException.class,
                () -> c.createStatement().executeUpdate("update audit_entry set actor = 'x' where seq = " + seq));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(SQLException.class,
                () -> c.createStatement().executeUpdate("delete from audit_entry where seq = " + seq));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("truncate audit_entry"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate(
                "insert into audit_anchor (seq, hash, anchored_at, cutoff, deleted) values (1, 'x', now(), now(), 0)"));
        }
    }

    @Test
    void retentionRemovesOldEntriesAndReanchorsTheChain() {
        List<AuditEntry> entries = recordSome(UUID.randomUUID().toString(), 3);
        AuditEntry lastOld = entries.get(1);
        AuditRetention.Purge purge = retention.purgeOlderThan(lastOld.at().plusNanos(1000));

        assertNull(purge.refusedFor());
        assertTrue(purge.deleted() >= 2);
        assertEquals(lastOld.seq(), purge.anchor().seq());
        assertEquals(lastOld.hash(), purge.anchor().hash());
        given().auth().oauth2(admin()).when().get(PATH + "/verify")
            .then().statusCode(200)
            .body("valid", equalTo(true))
            .body("anchor.seq", equalTo((int) lastOld.seq()));
        given().auth().oauth2(admin()).queryParam("resourceType", "audit-log").queryParam("limit", 20)
            .when().get(PATH)
            .then().statusCode(200)
            .body("items.action", hasItem("audit.retention"));

        // the retention entry is the job's record of the purge: how many rows, before which cutoff
        AuditEntry record = auditLog.search(new AuditQuery("audit-log", null, "system:audit-retention", null, null,
            null), 1).get(0);
        assertEquals("audit.retention", record.action());
        assertEquals(Long.toString(purge.deleted()), record.detail().get("deleted"));
        assertEquals(lastOld.at().plusNanos(1000).toString(), record.detail().get("cutoff"));

        // a purge with nothing older than its cutoff records nothing (read by the job's actor: the service's other
        // jobs, the HMAC backfill every 30 seconds among them, may append meanwhile)
        long tail = auditLog.lastSeq();
        AuditRetention.Purge idle = retention.purgeOlderThan(lastOld.at().plusNanos(1000));
        assertEquals(0, idle.deleted());
        assertEquals(List.of(), auditLog.byActorAfter("system:audit-retention", tail));
        assertTrue(auditLog.verify().valid());
    }

    @Test
    void retentionRefusesToPurgeABrokenChain() throws SQLException {
        List<AuditEntry> entries = recordSome(UUID.randomUUID().toString(), 2);
        tamper(entries.get(0).seq(), "someone-else");
        try {
            AuditRetention.Purge purge = retention.purgeOlderThan(entries.get(1).at().plusNanos(1000));
            assertNotNull(purge.refusedFor());
            assertEquals(0, purge.deleted());
        } finally {
            tamper(entries.get(0).seq(), TESTER.subject());
        }
    }

    @Test
    void adminsSearchByResourceWithACursor() {
        String resourceId = UUID.randomUUID().toString();
        recordSome(resourceId, 3);
        String cursor = given().auth().oauth2(admin())
            .queryParam("resourceType", "test-resource").queryParam("resourceId", resourceId).queryParam("limit", 2)
            .when().get(PATH)
            .then().statusCode(200)
            .body("items", hasSize(2))
            .body("items.resourceId", everyItem(equalTo(resourceId)))
            .body("items[0].actor", equalTo("audit-tester"))
            .body("items[0].clientId", equalTo("test-client"))
            .body("items[0].purpose", equalTo("testing"))
            .body("items[0].detail.i", equalTo("2"))
            .body("items[0].atJalali", notNullValue())
            .body("nextCursor", notNullValue())
            .header("Link", allOf(containsString("resourceId=" + resourceId), containsString("cursor="),
                endsWith(">; rel=\"next\"")))
            .extract().path("nextCursor");
        given().auth().oauth2(admin())
            .queryParam("resourceId", resourceId).queryParam("cursor", cursor).queryParam("from", "1400-01-01")
            .when().get(PATH)
            .then().statusCode(200)
            .body("items", hasSize(1))
            .body("items[0].detail.i", equalTo("0"))
            .body("nextCursor", nullValue());
    }

    @Test
    void readingTheLogIsRecordedWithTheAdminsClient() {
        given().auth().oauth2(TestTokens.token().subject("reviewing-admin").groups("admin").clientId("web-console")
            .sign()).when().get(PATH + "/verify").then().statusCode(200);
        given().auth().oauth2(admin()).queryParam("actor", "reviewing-admin").queryParam("limit", 1)
            .when().get(PATH)
            .then().statusCode(200)
            .body("items[0].action", equalTo("audit.verify"))
            .body("items[0].clientId", equalTo("web-console"))
            .body("items[0].roles", equalTo(List.of("admin")))
            .body("items[0].requestId", notNullValue());
    }

    @Test
    void badQueriesAre400sNamingTheParameter() {
        expect400("limit", "0");
        expect400("limit", "201");
        expect400("limit", "many");
        expect400("cursor", "abc");
        expect400("from", "yesterday");
        expect400("from", "1402-12-30");
        given().auth().oauth2(admin()).header("Accept-Language", "en")
            .queryParam("from", "2024-03-06").queryParam("to", "1402-12-16")
            .when().get(PATH)
            .then().statusCode(400).body("errors.field", hasItem("to"));
    }

    private static void expect400(String param, String value) {
        given().auth().oauth2(admin()).header("Accept-Language", "en").queryParam(param, value)
            .when().get(PATH)
            .then().statusCode(400)
            .contentType("application/problem+json")
            .body("type", equalTo("https://women-family.tehran.ir/problems/validation"))
            .body("errors.field", hasItem(param));
    }

    @Test
    void onlyAdminsReadTheLog() {
        given().auth().oauth2(TestTokens.forRoles("cw", "caseworker")).when().get(PATH)
            .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRoles("cw", "caseworker")).when().get(PATH + "/verify")
            .then().statusCode(403);
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
    }
}
