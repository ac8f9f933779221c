package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

import ir.tehran.womenfamily.support.db.DatabaseOutage;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** A database out of reach is a 503 problem with Retry-After, in the caller's language; anything else is not. */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void connectionFailuresOfEveryLayerAreOutages() {
        // Hibernate, when a statement's connection broke
        assertTrue(DatabaseOutage.isCause(new JDBCConnectionException("broken", new SQLException("x", "08006"))));
        // the server going down under an open session (pg_ctl stop -m fast), wrapped by Hibernate and JPA
        assertTrue(DatabaseOutage.isCause(new PersistenceException(new GenericJDBCException("terminating",
            new SQLException("terminating connection due to administrator command", "57P01")))));
        // starting up, crash shutdown, connection refused
        assertTrue(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.isCause(new SQLException("crash", "57P02")));
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(new SQLException("refused", "08001"))));
        // the pool: no live connection within the acquisition timeout
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException(
            "Acquisition timeout while waiting for new connection", new java.util.concurrent.TimeoutException()))));
        assertTrue(DatabaseOutage.isCause(new SQLTransientConnectionException("pool")));
        // a commit that failed, reported as a suppressed exception
        RuntimeException commit = new RuntimeException("could not commit");
        commit.addSuppressed(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseOutage.isCause(commit));
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertFalse(DatabaseOutage.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isCause(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isCause(new SQLException("canceling statement due to user request", "57014")));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bad")));
        assertFalse(DatabaseOutage.isCause(null));
        // a cause chain that loops is walked once
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.isCause(a));
    }

    @Test
    void anOutageIsA503ProblemWithRetryAfterInPersianByDefault() {
        Response r = mappers.unexpected(new PersistenceException(new JDBCConnectionException("broken",
            new SQLException("An I/O error occurred while sending to the backend.", "08006"))), null, null);
        assertEquals(503, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        assertEquals("fa", r.getHeaderString("Content-Language"));
        Problem p = (Problem) r.getEntity();
        assertEquals(Problem.TYPE_BASE + "database-unavailable", p.type());
        assertEquals(503, p.status());
        assertTrue(p.title().codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF), p.title());
        assertTrue(p.detail().codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF), p.detail());
    }

    @Test
    void inEnglishWhenAskedAndWithoutTheExceptionsWords() {
        Response r = mappers.unexpected(new SQLException("Sorry, acquisition timeout!"), english(), null);
        assertEquals(503, r.getStatus());
        assertEquals("en", r.getHeaderString("Content-Language"));
        Problem p = (Problem) r.getEntity();
        assertEquals("Service temporarily unavailable", p.title());
        assertTrue(p.detail().contains("database"), p.detail());
        assertFalse(p.detail().contains("acquisition"), p.detail());
    }

    @Test
    void anyOtherUnexpectedFailureStaysA500() {
        Response r = mappers.unexpected(new IllegalStateException("bug"), english(), null);
        assertEquals(500, r.getStatus());
        assertEquals(null, r.getHeaderString("Retry-After"));
        assertEquals(Problem.TYPE_BASE + "internal", ((Problem) r.getEntity()).type());
    }

    private static HttpHeaders english() {
        return (HttpHeaders) java.lang.reflect.Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(),
            new Class<?>[] {HttpHeaders.class}, (proxy, method, args) -> {
                if (method.getName().equals("getAcceptableLanguages")) {
                    return List.of(Locale.ENGLISH);
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }
}
