package ir.tehran.womenfamily.bazaar.allocation;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * What fairness needs from the record: each venue's quality by season, and each producer's opportunities
 * (bazaars where she had a stall from a published allocation) in the twelve months before a date, and how
 * many of them were good (at a venue-day of quality at least 0.6).
 */
@ApplicationScoped
public class FairnessHistory {

    @Inject
    EntityManager em;

    /** A producer's opportunities in the window, and the good ones among them. */
    public record Past(int opportunities, int good) {
    }

    /** One venue on one day. */
    private record VenueDate(UUID venueId, LocalDate day) {
    }

    /** Venue quality from every venue-day before {@code before}. */
    public VenueQuality quality(LocalDate before) {
        Map<VenueDate, Integer> visitors = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> foot = em.createNativeQuery("select venue_id, day, sum(visitors) from footfall "
                + "where day < ?1 group by venue_id, day")
            .setParameter(1, Date.valueOf(before)).getResultList();
        for (Object[] r : foot) {
            visitors.put(new VenueDate((UUID) r[0], toDate(r[1])), ((Number) r[2]).intValue());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.venue_id, a.day, sum(a.stalls), "
                + "coalesce(sum(s.amount_rials), 0) from assignment a "
                + "join allocation_run r on r.id = a.run_id and r.status = 'PUBLISHED' "
                + "left join sales_report s on s.bazaar_id = a.bazaar_id and s.business_id = a.business_id "
                + "and s.day = a.day "
                + "where a.status in ('ASSIGNED', 'CONFIRMED') and a.day < ?1 group by a.venue_id, a.day")
            .setParameter(1, Date.valueOf(before)).getResultList();
        List<VenueQuality.DayRecord> records = new ArrayList<>();
        for (Object[] r : rows) {
            UUID venue = (UUID) r[0];
            LocalDate day = toDate(r[1]);
            records.add(new VenueQuality.DayRecord(venue, day, ((Number) r[2]).intValue(), ((Number) r[3]).longValue(),
                visitors.get(new VenueDate(venue, day))));
        }
        return VenueQuality.of(records);
    }

    /** Opportunities of these businesses in the twelve months before {@code start}. */
    public Map<UUID, Past> past(Collection<UUID> businesses, LocalDate start, VenueQuality quality) {
        Map<UUID, Past> out = new HashMap<>();
        if (businesses.isEmpty()) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.business_id, a.bazaar_id, a.venue_id, a.day "
                + "from assignment a join allocation_run r on r.id = a.run_id and r.status = 'PUBLISHED' "
                + "where a.status <> 'RELEASED' and a.day >= ?1 and a.day < ?2 and a.business_id in (?3)")
            .setParameter(1, Date.valueOf(start.minusDays(365))).setParameter(2, Date.valueOf(start))
            .setParameter(3, List.copyOf(businesses)).getResultList();
        Map<UUID, Set<UUID>> all = new HashMap<>();
        Map<UUID, Set<UUID>> good = new HashMap<>();
        for (Object[] r : rows) {
            UUID business = (UUID) r[0];
            UUID bazaar = (UUID) r[1];
            all.computeIfAbsent(business, b -> new HashSet<>()).add(bazaar);
            if (quality.of((UUID) r[2], toDate(r[3])) >= 0.6) {
                good.computeIfAbsent(business, b -> new HashSet<>()).add(bazaar);
            }
        }
        all.forEach((b, set) -> out.put(b, new Past(set.size(), good.getOrDefault(b, Set.of()).size())));
        return out;
    }

    private static LocalDate toDate(Object o) {
        return o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }
}
