package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the placements of a solution use of each venue-day: the hard constraints, counted by hand. */
final class Usage {

    private final Map<VenueDay, int[]> used = new HashMap<>();
    private final Map<CategoryAt, Integer> categoryUsed = new HashMap<>();
    private final Map<OwnerDay, UUID> ownerDay = new HashMap<>();

    /** A category at one venue-day (by its {@link VenueDay#getId() id}). */
    private record CategoryAt(String venueDayId, String category) {
    }

    /** One owner on one day, wherever she is. */
    private record OwnerDay(UUID ownerId, LocalDate day) {
    }

    Usage(List<Placement> placements, Placement except) {
        for (Placement p : placements) {
            if (p != except && p.getVenueDay() != null) {
                add(p.getApplicant(), p.getVenueDay());
            }
        }
    }

    void add(Applicant a, VenueDay vd) {
        int[] u = used.computeIfAbsent(vd, k -> new int[3]);
        u[0] += a.getStalls();
        if (a.isNeedsPower()) {
            u[1] += a.getStalls();
        }
        if (a.isNeedsCooking()) {
            u[2] += a.getStalls();
        }
        categoryUsed.merge(new CategoryAt(vd.getId(), a.getCategory()), a.getStalls(), Integer::sum);
        ownerDay.put(new OwnerDay(a.getOwnerId(), vd.getDay()), vd.getVenueId());
    }

    /** Why {@code a} does not fit at {@code vd}, or null when she fits without breaking a hard constraint. */
    String misfit(Applicant a, VenueDay vd) {
        int[] u = used.getOrDefault(vd, new int[3]);
        if (u[0] + a.getStalls() > vd.getStalls()) {
            return "FULL";
        }
        if (a.isNeedsCooking() && u[2] + a.getStalls() > vd.getCookingStalls()) {
            return "NO_COOKING_STALL";
        }
        if (a.isNeedsPower() && u[1] + a.getStalls() > vd.getPowerStalls()) {
            return "NO_POWER_STALL";
        }
        if (categoryUsed.getOrDefault(new CategoryAt(vd.getId(), a.getCategory()), 0) + a.getStalls()
                > vd.getCategoryCap()) {
            return "CATEGORY_CAP";
        }
        UUID elsewhere = ownerDay.get(new OwnerDay(a.getOwnerId(), vd.getDay()));
        if (elsewhere != null && !elsewhere.equals(vd.getVenueId())) {
            return "OWNER_ELSEWHERE";
        }
        return null;
    }
}
