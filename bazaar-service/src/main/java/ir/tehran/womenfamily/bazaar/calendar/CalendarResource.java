package ir.tehran.womenfamily.bazaar.calendar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public calendar for mobile clients, without a token. One question's answer is computed at most once
 * per {@code bazaar.calendar.cache-ttl} (10 s) and served from memory in between. Each answer carries an
 * {@code ETag} (a hash of its body) and {@code Cache-Control}; a phone that sends {@code If-None-Match}
 * with the tag it holds gets
 * {@code 304 Not Modified} and no body when nothing changed.
 */
@Path("/calendar")
@PermitAll
@Tag(name = "Calendar", description = "Upcoming bazaars for the public (no token)")
public class CalendarResource {

    @Inject
    CalendarService service;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "bazaar.calendar.max-age", defaultValue = "5m")
    Duration maxAge;

    /** How long one computed answer is served to everyone asking the same question. */
    @ConfigProperty(name = "bazaar.calendar.cache-ttl", defaultValue = "10s")
    Duration cacheTtl;

    /** A computed answer: its body and tag, and until when it is served without recomputing. */
    private record Cached(byte[] body, String etag, long until) {
    }

    /** What an answer depends on. */
    private record CacheKey(LocalDate start, LocalDate end, CalendarService.Filter filter) {
    }

    private final java.util.concurrent.ConcurrentHashMap<CacheKey, Cached> cache =
        new java.util.concurrent.ConcurrentHashMap<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicCalendar",
        summary = "Upcoming bazaars by district, metro station or near a point; dates ISO and Jalali")
    @APIResponse(responseCode = "200", description = "The bazaars to come; ETag and Cache-Control for a phone's cache",
        content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarDtos.Calendar.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the phone's copy (If-None-Match) is current")
    public Response calendar(@QueryParam("district") @Min(1) @Max(22) Integer district,
            @QueryParam("metro") String metro,
            @QueryParam("lat") @DecimalMin("35.4") @DecimalMax("36.0") Double latitude,
            @QueryParam("lon") @DecimalMin("51.0") @DecimalMax("51.8") Double longitude,
            @QueryParam("radiusKm") @DecimalMin("0.1") @DecimalMax("50") Double radiusKm,
            @QueryParam("from") String from,
            @QueryParam("days") @Min(1) @Max(366) Integer days,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (latitude == null != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "lat" : "lon", "validation.required");
        }
        LocalDate start = from == null ? Tehran.today(clock) : DateInput.required("from", from);
        LocalDate end = start.plusDays(days == null ? 90 : days);
        String station = metro == null || metro.isBlank() ? null : PersianText.normalize(metro);
        CalendarService.Filter filter = new CalendarService.Filter(district, station, latitude, longitude,
            radiusKm == null ? 5.0 : radiusKm);
        CacheKey key = new CacheKey(start, end, filter);
        long now = clock.millis();
        Cached cached = cache.get(key);
        if (cached == null || cached.until() < now) {
            byte[] body;
            try {
                body = json.writeValueAsBytes(service.upcoming(start, end, filter));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cached = new Cached(body, "\"" + sha256(body) + "\"", now + cacheTtl.toMillis());
            cache.put(key, cached);
        }
        byte[] body = cached.body();
        String etag = cached.etag();
        String cacheControl = "public, max-age=" + maxAge.toSeconds();
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", cacheControl).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("ETag", etag)
            .header("Cache-Control", cacheControl).header("Vary", "Accept-Language").build();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
