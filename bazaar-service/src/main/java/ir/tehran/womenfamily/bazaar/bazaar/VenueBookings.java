package ir.tehran.womenfamily.bazaar.bazaar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import ir.tehran.womenfamily.bazaar.venue.Venue;

/**
 * What each venue has already promised on each day, over every bazaar: the guard against double booking.
 * A venue's stalls offered on one day, summed over all bazaars, never exceed its inventory.
 */
@ApplicationScoped
public class VenueBookings {

    @Inject
    EntityManager em;

    /** A venue and a day. */
    public record VenueDay(UUID venueId, LocalDate day) {
    }

    /**
     * Stalls already offered at these venues between {@code from} and {@code to}. The venue rows are locked
     * first, so two writers booking the same venue take turns instead of both seeing it free.
     */
    public Map<VenueDay, Integer> booked(Collection<UUID> venueIds, LocalDate from, LocalDate to) {
        Map<VenueDay, Integer> out = new HashMap<>();
        if (venueIds.isEmpty()) {
            return out;
        }
        for (UUID v : venueIds.stream().sorted().toList()) {
            em.find(Venue.class, v, LockModeType.PESSIMISTIC_WRITE);
        }
        List<Object[]> rows = em.createQuery("select d.venueId, d.day, sum(d.stalls) from BazaarVenueDay d "
                + "where d.venueId in :venues and d.day between :from and :to group by d.venueId, d.day",
                Object[].class)
            .setParameter("venues", venueIds).setParameter("from", from).setParameter("to", to)
            .getResultList();
        for (Object[] r : rows) {
            out.put(new VenueDay((UUID) r[0], (LocalDate) r[1]), ((Number) r[2]).intValue());
        }
        return out;
    }
}
