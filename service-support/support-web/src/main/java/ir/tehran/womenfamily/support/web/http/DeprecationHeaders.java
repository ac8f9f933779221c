package ir.tehran.womenfamily.support.web.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The {@code Deprecation} (RFC 9745) and {@code Sunset} (RFC 8594) headers on every answer of a deprecated
 * operation, in every service: a resource method (or its class) marked {@code @Deprecated(since = "2027-01-15")}
 * answers {@code Deprecation: @<the epoch second of that day, UTC>} and {@code Sunset: <an HTTP date>}, six months
 * after {@code since} (the notice docs/api/VERSIONING.md promises) unless {@link Sunset} names another day. SmallRye
 * OpenAPI marks the same operation {@code deprecated: true} in the document, so one annotation says it in both
 * places. {@code since} must be an ISO date; one that is not is logged and the operation answers without the
 * headers (never an error).
 */
public class DeprecationHeaders {

    public static final String DEPRECATION = "Deprecation";
    public static final String SUNSET = "Sunset";
    /** The notice the versioning policy gives before a deprecated operation may go away. */
    public static final int NOTICE_MONTHS = 6;

    /** The day a deprecated operation goes away, when it is not {@code since} plus {@link #NOTICE_MONTHS}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Sunset {
        /** An ISO date ({@code 2027-07-15}), at least {@link #NOTICE_MONTHS} months after the deprecation. */
        String value();
    }

    private static final Logger LOG = Logger.getLogger(DeprecationHeaders.class);
    /** IMF-fixdate (RFC 9110 section 5.6.7): two-digit day, always GMT. */
    private static final DateTimeFormatter HTTP_DATE =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);
    private static final Map<Method, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        CACHE.computeIfAbsent(method, DeprecationHeaders::headersFor)
            .forEach((name, value) -> response.getHeaders().putSingle(name, value));
    }

    /** The headers a resource method's answers carry: none unless it or its class is {@code @Deprecated}. */
    public static Map<String, String> headersFor(Method method) {
        Deprecated deprecated = method.getAnnotation(Deprecated.class);
        if (deprecated == null) {
            deprecated = method.getDeclaringClass().getAnnotation(Deprecated.class);
        }
        if (deprecated == null) {
            return Map.of();
        }
        Sunset sunset = method.getAnnotation(Sunset.class);
        if (sunset == null) {
            sunset = method.getDeclaringClass().getAnnotation(Sunset.class);
        }
        try {
            LocalDate since = LocalDate.parse(deprecated.since());
            LocalDate end = sunset == null ? since.plusMonths(NOTICE_MONTHS) : LocalDate.parse(sunset.value());
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(DEPRECATION, "@" + since.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            headers.put(SUNSET, HTTP_DATE.format(end.atStartOfDay(ZoneOffset.UTC)));
            return Map.copyOf(headers);
        } catch (DateTimeParseException e) {
            LOG.warnf("%s.%s is @Deprecated without an ISO date in since (and @Sunset): no Deprecation header",
                method.getDeclaringClass().getName(), method.getName());
            return Map.of();
        }
    }
}
