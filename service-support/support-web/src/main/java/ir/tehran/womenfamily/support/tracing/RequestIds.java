package ir.tehran.womenfamily.support.tracing;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The request id that follows one call through the gateway, every service, the events it causes and
 * the logs. Taken from {@code X-Request-Id} when it is well-formed, generated otherwise.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id of the request or event being handled on this context, or {@code null} outside one. */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }

    public static void set(String requestId) {
        if (requestId == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, requestId);
        }
    }

    /** A client's id is kept only when it is short and plain; anything else is replaced, never echoed. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }
}
