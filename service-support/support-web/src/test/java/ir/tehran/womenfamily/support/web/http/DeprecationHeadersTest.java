package ir.tehran.womenfamily.support.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A deprecated operation says so on every answer ({@code Deprecation}, RFC 9745, as a structured-field date) and
 * says when it goes away ({@code Sunset}, RFC 8594, an HTTP date): six months after the deprecation, the notice
 * docs/api/VERSIONING.md promises, unless {@code @Sunset} names a later day. Anything else answers without them.
 */
class DeprecationHeadersTest {

    @SuppressWarnings("unused")
    static class Resource {

        @Deprecated(since = "2027-01-15")
        public void deprecated() {
        }

        @Deprecated(since = "2027-01-15")
        @DeprecationHeaders.Sunset("2027-12-31")
        public void deprecatedWithALaterSunset() {
        }

        @Deprecated
        public void deprecatedWithoutADate() {
        }

        public void current() {
        }
    }

    @Deprecated(since = "2026-12-07")
    @SuppressWarnings("unused")
    static class DeprecatedResource {

        public void any() {
        }
    }

    private static Map<String, String> headers(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return DeprecationHeaders.headersFor(m);
    }

    @Test
    void aDeprecatedOperationAnswersTheDayItWasDeprecatedAndItsSunsetSixMonthsLater() throws Exception {
        // 2027-01-15T00:00:00Z
        assertEquals(Map.of("Deprecation", "@1799971200", "Sunset", "Thu, 15 Jul 2027 00:00:00 GMT"),
            headers(Resource.class, "deprecated"));
    }

    @Test
    void aSunsetNamedOnTheOperationWins() throws Exception {
        assertEquals("Fri, 31 Dec 2027 00:00:00 GMT", headers(Resource.class, "deprecatedWithALaterSunset")
            .get("Sunset"));
    }

    @Test
    void aDeprecatedClassDeprecatesEachOfItsOperationsWithATwoDigitDay() throws Exception {
        // 2026-12-07T00:00:00Z; the sunset day keeps its leading zero (IMF-fixdate)
        assertEquals(Map.of("Deprecation", "@1796601600", "Sunset", "Mon, 07 Jun 2027 00:00:00 GMT"),
            headers(DeprecatedResource.class, "any"));
    }

    @Test
    void currentOperationsAndADeprecationWithoutADateAnswerNoHeader() throws Exception {
        assertEquals(Map.of(), headers(Resource.class, "current"));
        assertEquals(Map.of(), headers(Resource.class, "deprecatedWithoutADate"));
    }
}
