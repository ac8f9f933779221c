package ir.tehran.womenfamily.support.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * A problem's {@code Content-Language} is the language of the bundle its title came from, whatever letters the
 * title holds (the test bundles are src/test/resources/messages*.properties).
 */
class ContentLanguageTest {

    @Test
    void anEnglishTitleThatQuotesPersianWordsIsEnglish() {
        Response r = answer("test-names-a-place", Messages.ENGLISH);
        assertEquals("The bazaar «بهار» is closed", ((Problem) r.getEntity()).title());
        assertEquals("en", r.getHeaderString("Content-Language"));
    }

    @Test
    void aMessageWithoutEnglishTextIsAnsweredInPersianAndSaysSo() {
        Response r = answer("test-only-persian", Messages.ENGLISH);
        assertEquals("این پیام فقط به فارسی هست", ((Problem) r.getEntity()).title());
        assertEquals("fa", r.getHeaderString("Content-Language"));
    }

    @Test
    void persianWhenAskedAndTheSharedBundlesToo() {
        assertEquals("fa", answer("test-names-a-place", Messages.PERSIAN).getHeaderString("Content-Language"));
        assertEquals("fa", answer("validation", Messages.PERSIAN).getHeaderString("Content-Language"));
        assertEquals("en", answer("validation", Messages.ENGLISH).getHeaderString("Content-Language"));
    }

    @Test
    void theLanguageIsNotPartOfTheBody() throws Exception {
        Problem p = ProblemResponses.problem(409, "conflict", Messages.ENGLISH, "/x", List.of());
        String body = new ObjectMapper().writeValueAsString(p);
        assertFalse(body.contains("language"), body);
    }

    private static Response answer(String type, java.util.Locale locale) {
        return ProblemResponses.response(ProblemResponses.problem(409, type, locale, "/x", List.of()));
    }
}
