package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

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
    void aBrokenPercentEncodingInAFormIsA400() {
        for (String body : List.of("token=%ZZ", "token=%", "token=a%2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> URLDecoder.decode(body, StandardCharsets.UTF_8));
            assertTrue(ProblemMappers.isMalformedForm(e), body);
            Response answer = new ProblemMappers().unexpected(e, null, null);
            assertEquals(400, answer.getStatus());
            assertEquals("malformed-form", type(answer));
        }
        assertFalse(ProblemMappers.isMalformedForm(new IllegalArgumentException("a bug of ours")));
    }

    private static String type(Response answer) {
        String type = ((Problem) answer.getEntity()).type().toString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
