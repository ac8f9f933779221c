package ir.tehran.womenfamily.bazaar.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.tehran.womenfamily.bazaar.common.FeedTombstones;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.web.http.ConditionalGet;
import ir.tehran.womenfamily.support.web.http.Delta;
import ir.tehran.womenfamily.support.web.http.Page;
import ir.tehran.womenfamily.support.web.http.PageRequest;
import ir.tehran.womenfamily.support.web.http.Pages;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public calendar for mobile clients, without a token: the shared page of entries and a delta feed
 * ({@link Delta}): with {@code updatedSince} (the {@code syncToken} of the phone's last sync) only the bazaars
 * that changed since, and in {@code deleted} those that left this calendar since (closed, from
 * {@link FeedTombstones}, or no longer at a venue the filter asks for). One question's entries are computed at
 * most once per {@code bazaar.calendar.cache-ttl} (10 s) and served from memory in between.
 *
 * <p>Revalidation is the shared conditional GET ({@link ConditionalGet}): the answer carries {@code ETag} and
 * {@code Cache-Control}; a phone that sends {@code If-None-Match} with the tag it holds gets {@code 304} and no
 * body when nothing changed. The tag is set here, over the entries, the tombstones and the next cursor but not
 * the sync token (which moves with the clock): a phone that is answered 304 keeps the token it has, which
 * stays valid.
 */
@Path("/calendar")
@PermitAll
@Tag(name = "Calendar", description = "Upcoming bazaars for the public (no token)")
public class CalendarResource {

    @Inject
    CalendarService service;

    @Inject
    FeedTombstones tombstones;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "bazaar.calendar.max-age", defaultValue = "5m")
    Duration maxAge;

    /** How long one computed answer is served to everyone asking the same question. */
    @ConfigProperty(name = "bazaar.calendar.cache-ttl", defaultValue = "10s")
    Duration cacheTtl;

    /** Computed entries, and until when they are served without recomputing. */
    private record Cached(CalendarService.Upcoming upcoming, long until) {
    }

    /** What an answer depends on. */
    private record CacheKey(LocalDate start, LocalDate end, CalendarService.Filter filter) {
    }

    private final ConcurrentHashMap<CacheKey, Cached> cache = new ConcurrentHashMap<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicCalendar",
        summary = "Upcoming bazaars by district, metro station or near a point; dates ISO and Jalali; a delta feed "
        + "with updatedSince",
        description = "Public: no token needed.")
    public RestResponse<Delta<CalendarDtos.Entry>> calendar(
            @QueryParam("district") @Min(1) @Max(22) Integer district,
            @QueryParam("metro") String metro,
            @QueryParam("lat") @DecimalMin("35.4") @DecimalMax("36.0") Double latitude,
            @QueryParam("lon") @DecimalMin("51.0") @DecimalMax("51.8") Double longitude,
            @QueryParam("radiusKm") @DecimalMin("0.1") @DecimalMax("50") Double radiusKm,
            @QueryParam("from") String from,
            @QueryParam("days") @Min(1) @Max(366) Integer days,
            @Parameter(description = "The syncToken of the last complete sync: only what changed or left since")
            @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        if (latitude == null != (longitude == null)) {
            throw ProblemException.invalid(latitude == null ? "lat" : "lon", "validation.required");
        }
        Instant token = Delta.token();
        Instant since = Delta.updatedSince(updatedSince);
        PageRequest request = PageRequest.of(limit, cursor);
        LocalDate start = from == null ? Tehran.today(clock) : DateInput.required("from", from);
        LocalDate end = start.plusDays(days == null ? 90 : days);
        String station = metro == null || metro.isBlank() ? null : PersianText.normalize(metro);
        CalendarService.Filter filter = new CalendarService.Filter(district, station, latitude, longitude,
            radiusKm == null ? 5.0 : radiusKm);
        CalendarService.Upcoming upcoming = computed(new CacheKey(start, end, filter));
        List<CalendarDtos.Entry> entries = since == null ? upcoming.entries()
            : upcoming.entries().stream().filter(e -> e.updatedAt().isAfter(since)).toList();
        Page<CalendarDtos.Entry> page = request.slice(entries, e -> e.bazaarId().toString());
        List<Delta.Tombstone> deleted = since == null || request.cursor() != null ? List.of()
            : left(upcoming, since);
        Delta<CalendarDtos.Entry> delta = Delta.of(page, deleted, token);
        return RestResponse.ResponseBuilder.ok(delta).header(HttpHeaders.ETAG, tag(delta))
            .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge.toSeconds())
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
            .header(Pages.LINK, Pages.nextLink(uri, page.nextCursor())).build();
    }

    private CalendarService.Upcoming computed(CacheKey key) {
        long now = clock.millis();
        Cached cached = cache.get(key);
        if (cached == null || cached.until() < now) {
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cached = new Cached(service.upcoming(key.start(), key.end(), key.filter()), now + cacheTtl.toMillis());
            cache.put(key, cached);
        }
        return cached.upcoming();
    }

    /**
     * What left this calendar since: the bazaars closed since (tombstones), and the public bazaars of the period
     * changed since that the filter no longer shows (a venue in the district was taken out).
     */
    private List<Delta.Tombstone> left(CalendarService.Upcoming upcoming, Instant since) {
        List<Delta.Tombstone> out = new ArrayList<>(tombstones.since(FeedTombstones.CALENDAR, since, null));
        Set<UUID> shown = new HashSet<>();
        upcoming.entries().forEach(e -> shown.add(e.bazaarId()));
        for (Map.Entry<UUID, Instant> c : upcoming.changed().entrySet()) {
            if (c.getValue().isAfter(since) && !shown.contains(c.getKey())) {
                out.add(new Delta.Tombstone(c.getKey().toString(), c.getValue()));
            }
        }
        return out;
    }

    /** The tag of an answer: its entries, tombstones and next cursor, not its sync token. */
    private String tag(Delta<CalendarDtos.Entry> delta) {
        try {
            return ConditionalGet.tagOf(json.writeValueAsBytes(
                new Page<>(List.of(delta.items(), delta.deleted()), delta.nextCursor())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
