package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The baseline the solver must beat: first come, first served. In order of submission, each applicant
 * gets, on each of her days, her highest-ranked venue with room, else any venue with room, else nothing.
 * No fairness, no waitlist priority.
 */
public final class GreedyAllocator {

    private GreedyAllocator() {
    }

    public static AllocationProblem allocate(AllocationProblem problem) {
        List<Placement> order = new ArrayList<>(problem.getPlacements());
        order.sort(Comparator.comparing((Placement p) -> p.getApplicant().getSubmittedAt())
            .thenComparing(p -> p.getApplicant().getApplicationId())
            .thenComparing(Placement::getDay));
        Usage usage = new Usage(order.stream().filter(Placement::isPinned).toList(), null);
        for (Placement p : order) {
            if (p.isPinned()) {
                continue;
            }
            p.setVenueDay(null);
            List<VenueDay> tries = new ArrayList<>(p.getCandidates());
            tries.sort(Comparator.comparingInt((VenueDay vd) -> {
                int r = p.getApplicant().rankOf(vd.getVenueId());
                return r < 0 ? Integer.MAX_VALUE : r;
            }));
            for (VenueDay vd : tries) {
                if (usage.misfit(p.getApplicant(), vd) == null) {
                    p.setVenueDay(vd);
                    usage.add(p.getApplicant(), vd);
                    break;
                }
            }
        }
        return problem;
    }
}
