package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the solver's problem: one placement per applicant per day she can come, each with the venues
 * open that day as its candidates. Placements are ordered for the construction heuristic: everyone's first
 * day before anyone's second, and within that by priority (a waitlist guarantee, heads of household, fewer
 * past opportunities, fewer good ones, earlier application).
 */
public final class ProblemBuilder {

    private ProblemBuilder() {
    }

    /** The days an applicant can come. */
    public record Request(Applicant applicant, List<LocalDate> days) {
    }

    /** A placement of a published allocation that must stay where it is. */
    public record Pin(UUID applicationId, LocalDate day, UUID venueId) {
    }

    public static final Comparator<Applicant> PRIORITY = Comparator
        .comparing((Applicant a) -> !a.isGuaranteed())
        .thenComparing(a -> !a.isHeadsHousehold())
        .thenComparingInt(Applicant::getPastOpportunities)
        .thenComparingInt(Applicant::getPastGoodOpportunities)
        .thenComparing(Applicant::getSubmittedAt)
        .thenComparing(Applicant::getApplicationId);

    public static AllocationProblem build(List<VenueDay> venueDays, List<Request> requests, List<Pin> pins,
            AllocationWeights weights) {
        Map<LocalDate, List<VenueDay>> byDay = new HashMap<>();
        for (VenueDay vd : venueDays) {
            byDay.computeIfAbsent(vd.getDay(), d -> new ArrayList<>()).add(vd);
        }
        Map<String, Pin> pinByKey = new HashMap<>();
        pins.forEach(p -> pinByKey.put(p.applicationId() + "@" + p.day(), p));
        List<Request> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(Request::applicant, PRIORITY));
        List<Placement> placements = new ArrayList<>();
        List<List<Placement>> rounds = new ArrayList<>();
        for (Request r : ordered) {
            int round = 0;
            for (LocalDate day : r.days().stream().sorted().toList()) {
                List<VenueDay> candidates = byDay.getOrDefault(day, List.of());
                if (candidates.isEmpty()) {
                    continue;
                }
                Placement p = new Placement(r.applicant(), day, candidates);
                Pin pin = pinByKey.get(p.getId());
                if (pin != null) {
                    p.setVenueDay(candidates.stream().filter(vd -> vd.getVenueId().equals(pin.venueId()))
                        .findFirst().orElse(null));
                    p.setPinned(p.getVenueDay() != null);
                }
                while (rounds.size() <= round) {
                    rounds.add(new ArrayList<>());
                }
                rounds.get(round).add(p);
                round++;
            }
        }
        rounds.forEach(placements::addAll);
        List<Applicant> applicants = ordered.stream().map(Request::applicant).toList();
        return new AllocationProblem(List.copyOf(venueDays), applicants, placements, weights.overrides());
    }
}
