package ir.tehran.womenfamily.support.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/** The matching rules of the shared conditional GET. */
class ConditionalGetTest {

    @Test
    void ifNoneMatchComparesWeaklyAndTakesAListOrAStar() {
        assertTrue(ConditionalGet.matches("\"7\"", "\"7\""));
        assertTrue(ConditionalGet.matches("W/\"7\"", "\"7\""));
        assertTrue(ConditionalGet.matches("\"1\", \"7\"", "\"7\""));
        assertTrue(ConditionalGet.matches("*", "\"7\""));
        assertFalse(ConditionalGet.matches("\"8\"", "\"7\""));
        assertFalse(ConditionalGet.matches(null, "\"7\""));
        assertFalse(ConditionalGet.matches("", "\"7\""));
    }

    @Test
    void theTagIsAStrongHashOfTheBody() {
        String tag = ConditionalGet.tagOf("{\"a\":1}");
        assertTrue(tag.startsWith("\"") && tag.endsWith("\"") && !tag.startsWith("W/"));
        assertEquals(tag, ConditionalGet.tagOf("{\"a\":1}"));
        assertNotEquals(tag, ConditionalGet.tagOf("{\"a\":2}"));
    }

    @Test
    void onlyJsonIsTaggedNotProblemsNorEvents() {
        assertTrue(ConditionalGet.isJson(MediaType.APPLICATION_JSON_TYPE));
        assertTrue(ConditionalGet.isJson(MediaType.valueOf("application/geo+json;charset=UTF-8")));
        assertFalse(ConditionalGet.isJson(MediaType.valueOf("application/problem+json")));
        assertFalse(ConditionalGet.isJson(MediaType.SERVER_SENT_EVENTS_TYPE));
        assertFalse(ConditionalGet.isJson(MediaType.TEXT_PLAIN_TYPE));
        assertFalse(ConditionalGet.isJson(null));
    }
}
