package ir.tehran.womenfamily.bazaar.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.bazaar.allocation.solver.Districts;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.bazaar.venue.Venue;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class CalendarService {

    private static final List<Bazaar.Status> PUBLIC = List.of(Bazaar.Status.OPEN, Bazaar.Status.ALLOCATING,
        Bazaar.Status.PUBLISHED, Bazaar.Status.RUNNING);

    @Inject
    EntityManager em;

    /** Where to look: a district, a metro station (slug or Persian name), or a point and a radius. */
    public record Filter(Integer district, String metro, Double latitude, Double longitude, double radiusKm) {
    }

    /**
     * The calendar's entries, in order, and when each public bazaar of the period last changed, also those the
     * filter left out (a bazaar whose venue in the district was removed has left this calendar).
     */
    public record Upcoming(List<CalendarDtos.Entry> entries, Map<UUID, Instant> changed) {
    }

    @Transactional
    public Upcoming upcoming(LocalDate from, LocalDate to, Filter filter) {
        List<Bazaar> bazaars = Bazaar.list("endDate >= ?1 and startDate <= ?2 and status in ?3 and historical = false",
            Sort.by("startDate").and("id"), from, to, PUBLIC);
        List<CalendarDtos.Entry> entries = new ArrayList<>();
        Map<UUID, Instant> changed = new HashMap<>();
        bazaars.forEach(b -> changed.put(b.id, b.updatedAt));
        if (bazaars.isEmpty()) {
            return new Upcoming(entries, changed);
        }
        List<UUID> ids = bazaars.stream().map(b -> b.id).toList();
        Map<UUID, List<BazaarVenueDay>> days = BazaarVenueDay.<BazaarVenueDay>list("bazaarId in ?1",
                Sort.by("day"), ids).stream().collect(Collectors.groupingBy(d -> d.bazaarId));
        Set<UUID> venueIds = days.values().stream().flatMap(List::stream).map(d -> d.venueId)
            .collect(Collectors.toSet());
        Map<UUID, Venue> venues = venueIds.isEmpty() ? Map.of() : Venue.<Venue>list("id in ?1", venueIds).stream()
            .collect(Collectors.toMap(v -> v.id, Function.identity()));
        Map<BazaarVenue, Set<String>> goods = categories(ids);
        for (Bazaar b : bazaars) {
            Map<UUID, List<BazaarVenueDay>> byVenue = days.getOrDefault(b.id, List.of()).stream()
                .collect(Collectors.groupingBy(d -> d.venueId));
            List<CalendarDtos.Place> places = new ArrayList<>();
            for (Map.Entry<UUID, List<BazaarVenueDay>> e : byVenue.entrySet()) {
                Venue v = venues.get(e.getKey());
                Double km = distance(v, filter);
                if (!matches(v, km, filter)) {
                    continue;
                }
                List<CalendarDtos.Day> ds = e.getValue().stream().map(d -> d.day).filter(d -> !d.isBefore(from))
                    .sorted().map(d -> new CalendarDtos.Day(d, Days.jalali(d))).toList();
                List<CalendarDtos.Goods> sold = goods.getOrDefault(new BazaarVenue(b.id, v.id), Set.of()).stream()
                    .map(Category::ofCode).map(c -> new CalendarDtos.Goods(c.code(), c.persian(), c.english()))
                    .toList();
                places.add(new CalendarDtos.Place(v.id, v.kind.name(), v.nameFa, v.nameEn, v.district, v.metroStation,
                    v.latitude, v.longitude, v.openingHours, v.wheelchairAccessible, km, ds, sold));
            }
            if (places.isEmpty()) {
                continue;
            }
            places.sort((x, y) -> x.distanceKm() != null && y.distanceKm() != null
                ? Double.compare(x.distanceKm(), y.distanceKm()) : x.nameEn().compareTo(y.nameEn()));
            entries.add(new CalendarDtos.Entry(b.id, b.kind.name(), b.occasion, b.nameFa, b.nameEn, b.startDate,
                Days.jalali(b.startDate), b.endDate, Days.jalali(b.endDate), b.status.name(), places, b.updatedAt));
        }
        return new Upcoming(entries, changed);
    }

    /** One venue of one bazaar. */
    private record BazaarVenue(UUID bazaarId, UUID venueId) {
    }

    /** Categories sold at each venue of these bazaars, from their published allocations. */
    private Map<BazaarVenue, Set<String>> categories(List<UUID> bazaars) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct a.bazaar_id, a.venue_id, p.category "
                + "from assignment a join allocation_run r on r.id = a.run_id and r.status = 'PUBLISHED' "
                + "join producer p on p.business_id = a.business_id "
                + "where a.status in ('ASSIGNED', 'CONFIRMED') and a.bazaar_id in (?1)")
            .setParameter(1, bazaars).getResultList();
        Map<BazaarVenue, Set<String>> out = new HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(new BazaarVenue((UUID) r[0], (UUID) r[1]), k -> new TreeSet<>()).add((String) r[2]);
        }
        return out;
    }

    private static Double distance(Venue v, Filter f) {
        if (f.latitude() == null || v.latitude == null) {
            return null;
        }
        double km = Districts.distanceKm(f.latitude(), f.longitude(), v.latitude.doubleValue(),
            v.longitude.doubleValue());
        return BigDecimal.valueOf(km).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static boolean matches(Venue v, Double km, Filter f) {
        if (f.district() != null && v.district != f.district()) {
            return false;
        }
        if (f.metro() != null) {
            String wanted = PersianText.matchKey(f.metro()).replace("ایستگاه مترو", "").strip();
            boolean bySlug = v.metroStation != null && v.metroStation.equalsIgnoreCase(f.metro().strip());
            boolean byName = v.kind == Venue.Kind.METRO_STATION && PersianText.matchKey(v.nameFa).contains(wanted);
            if (!bySlug && !byName) {
                return false;
            }
        }
        return f.latitude() == null || km != null && km <= f.radiusKm();
    }
}
