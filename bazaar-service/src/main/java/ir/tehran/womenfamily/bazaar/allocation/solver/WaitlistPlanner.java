package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A waitlisted applicant is not rejected: she gets a dated offer of the next coming bazaar, where her
 * application will carry a guarantee (the solver's heaviest medium goal). The next bazaar in her home
 * district is preferred when it starts within {@link #DISTRICT_PATIENCE_DAYS} of the very next one.
 */
public final class WaitlistPlanner {

    public static final int DISTRICT_PATIENCE_DAYS = 45;

    private WaitlistPlanner() {
    }

    /** A bazaar still to come, and the districts of its venues. */
    public record ComingBazaar(UUID bazaarId, LocalDate startDate, LocalDate endDate, Set<Integer> districts) {
    }

    /** The bazaar she is offered, with its dates. */
    public record Offer(UUID targetBazaarId, LocalDate from, LocalDate to) {
    }

    public static Optional<Offer> offerFor(Applicant a, LocalDate sourceEnd, List<ComingBazaar> coming) {
        List<ComingBazaar> after = coming.stream().filter(b -> b.startDate().isAfter(sourceEnd))
            .sorted(Comparator.comparing(ComingBazaar::startDate).thenComparing(ComingBazaar::bazaarId)).toList();
        if (after.isEmpty()) {
            return Optional.empty();
        }
        ComingBazaar next = after.get(0);
        if (a.getHomeDistrict() != null) {
            LocalDate patience = next.startDate().plusDays(DISTRICT_PATIENCE_DAYS);
            for (ComingBazaar b : after) {
                if (b.startDate().isAfter(patience)) {
                    break;
                }
                if (b.districts().contains(a.getHomeDistrict())) {
                    next = b;
                    break;
                }
            }
        }
        return Optional.of(new Offer(next.bazaarId(), next.startDate(), next.endDate()));
    }
}
