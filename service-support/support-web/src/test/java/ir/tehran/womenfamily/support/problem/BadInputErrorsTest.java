package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

/** Errors that malformed input causes deep down are answered 400, never 500. */
class BadInputErrorsTest {

    @Test
    void aDataErrorOfTheDatabaseIsA400WhereverItIsWrapped() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(ProblemMappers.isDataError(nul));
        assertTrue(ProblemMappers.isDataError(new RuntimeException("commit failed", new RuntimeException(nul))));
        assertTrue(ProblemMappers.isDataError(new DataException("JDBC exception", nul)));
        Response answer = new ProblemMappers().unexpected(new IllegalStateException("flush", nul), null, null);
        assertEquals(400, answer.getStatus());
        assertEquals("unstorable-value", type(answer));
    }

    @Test
    void otherDatabaseErrorsAreNotTakenForBadInput() {
        assertFalse(ProblemMappers.isDataError(new SQLException("duplicate key", "23505")));
        assertFalse(ProblemMappers.isDataError(new SQLException("connection refused", "08001")));
        assertFalse(ProblemMappers.isDataError(new RuntimeException("no state")));
        assertEquals(500, new ProblemMappers().unexpected(new IllegalStateException("bug"), null, null).getStatus());
    }

    @Test
    void anIllegalArgumentIsABugOfOursNotBadInput() {
        // a form with a broken percent-encoding is refused by web.FormReader before it gets here (FormReaderTest)
        assertEquals(500, new ProblemMappers().unexpected(new IllegalArgumentException("a bug of ours"), null, null)
            .getStatus());
    }

    private static String type(Response answer) {
        String type = ((Problem) answer.getEntity()).type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
