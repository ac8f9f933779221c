package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.DefaultConstraintJustification;

/**
 * A solved allocation read for people: for each applicant, her stalls day by day with the reason when a
 * stall is not at her first choice, or her place on the waitlist with the reason; and her share of the
 * score, constraint by constraint.
 */
public final class AllocationOutcome {

    /** One day's stall: where, her rank of that venue (-1: not listed), and why not her first choice. */
    public record PlacedDay(LocalDate day, UUID venueId, int rank, String reason) {
    }

    /** One constraint's part in her score. */
    public record Part(String constraint, String score) {
    }

    /** Everything decided about one applicant. */
    public record ApplicantResult(Applicant applicant, List<PlacedDay> days, String waitlistReason, long priority,
            String score, List<Part> breakdown) {

        public boolean placed() {
            return !days.isEmpty();
        }
    }

    private final HardMediumSoftLongScore score;
    private final List<ApplicantResult> results;

    private AllocationOutcome(HardMediumSoftLongScore score, List<ApplicantResult> results) {
        this.score = score;
        this.results = results;
    }

    public HardMediumSoftLongScore score() {
        return score;
    }

    public List<ApplicantResult> results() {
        return results;
    }

    public long placedCount() {
        return results.stream().filter(ApplicantResult::placed).count();
    }

    public long waitlistedCount() {
        return results.size() - placedCount();
    }

    /** Reads a solution; {@code analysis} is its score analysis with matches (FETCH_ALL). */
    public static AllocationOutcome of(AllocationProblem solution, ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        Map<Applicant, Map<String, HardMediumSoftLongScore>> parts = breakdown(solution, analysis);
        Map<Applicant, List<Placement>> byApplicant = new LinkedHashMap<>();
        solution.getApplicants().forEach(a -> byApplicant.put(a, new ArrayList<>()));
        for (Placement p : solution.getPlacements()) {
            byApplicant.computeIfAbsent(p.getApplicant(), a -> new ArrayList<>()).add(p);
        }
        List<ApplicantResult> results = new ArrayList<>();
        List<Applicant> byPriority = new ArrayList<>(byApplicant.keySet());
        byPriority.sort(ProblemBuilder.PRIORITY);
        long rank = 0;
        for (Applicant a : byPriority) {
            rank++;
            List<PlacedDay> days = new ArrayList<>();
            for (Placement p : byApplicant.get(a)) {
                if (p.getVenueDay() != null) {
                    days.add(new PlacedDay(p.getDay(), p.getVenueDay().getVenueId(), p.rank(),
                        p.rank() == 0 ? null : notFirstChoice(solution, p)));
                }
            }
            days.sort((x, y) -> x.day().compareTo(y.day()));
            String waitlistReason = days.isEmpty() ? waitlisted(solution, byApplicant.get(a)) : null;
            Map<String, HardMediumSoftLongScore> mine = parts.getOrDefault(a, Map.of());
            HardMediumSoftLongScore total = mine.values().stream().reduce(HardMediumSoftLongScore.ZERO,
                HardMediumSoftLongScore::add);
            List<Part> breakdown = mine.entrySet().stream()
                .map(e -> new Part(e.getKey(), e.getValue().toString())).toList();
            results.add(new ApplicantResult(a, List.copyOf(days), waitlistReason, rank, total.toString(), breakdown));
        }
        return new AllocationOutcome(analysis.score(), results);
    }

    /** A category at one venue-day (by its {@link VenueDay#getId() id}). */
    private record CategoryAt(String venueDayId, String category) {
    }

    /** Each match's impact, attributed to the applicant it concerns (shared impacts split evenly). */
    private static Map<Applicant, Map<String, HardMediumSoftLongScore>> breakdown(AllocationProblem solution,
            ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        Map<Applicant, Map<String, HardMediumSoftLongScore>> out = new HashMap<>();
        Map<CategoryAt, List<Applicant>> byVenueDayCategory = new HashMap<>();
        for (Placement p : solution.getPlacements()) {
            if (p.getVenueDay() != null) {
                CategoryAt at = new CategoryAt(p.getVenueDay().getId(), p.getApplicant().getCategory());
                byVenueDayCategory.computeIfAbsent(at, k -> new ArrayList<>()).add(p.getApplicant());
            }
        }
        for (ConstraintAnalysis<HardMediumSoftLongScore> c : analysis.constraintAnalyses()) {
            if (c.matches() == null) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftLongScore> m : c.matches()) {
                if (!(m.justification() instanceof DefaultConstraintJustification j)) {
                    continue;
                }
                List<Applicant> concerned = new ArrayList<>();
                VenueDay venueDay = null;
                String category = null;
                for (Object fact : j.getFacts()) {
                    if (fact instanceof Placement p) {
                        concerned.add(p.getApplicant());
                    } else if (fact instanceof Applicant a) {
                        concerned.add(a);
                    } else if (fact instanceof VenueDay vd) {
                        venueDay = vd;
                    } else if (fact instanceof String s) {
                        category = s;
                    }
                }
                if (concerned.isEmpty() && venueDay != null && category != null) {
                    concerned.addAll(byVenueDayCategory.getOrDefault(new CategoryAt(venueDay.getId(), category),
                        List.of()));
                }
                if (concerned.isEmpty()) {
                    continue;
                }
                HardMediumSoftLongScore share = divide(m.score(), concerned.size());
                for (Applicant a : concerned) {
                    out.computeIfAbsent(a, k -> new LinkedHashMap<>())
                        .merge(c.constraintName(), share, HardMediumSoftLongScore::add);
                }
            }
        }
        return out;
    }

    private static HardMediumSoftLongScore divide(HardMediumSoftLongScore s, int n) {
        return n <= 1 ? s : HardMediumSoftLongScore.of(s.hardScore() / n, s.mediumScore() / n, s.softScore() / n);
    }

    /** Why a stall is not at her first choice: judged against everyone else's placements that day. */
    static String notFirstChoice(AllocationProblem solution, Placement p) {
        UUID first = p.getApplicant().getPreferences().isEmpty() ? null : p.getApplicant().getPreferences().get(0);
        VenueDay firstDay = first == null ? null : p.getCandidates().stream()
            .filter(vd -> vd.getVenueId().equals(first)).findFirst().orElse(null);
        if (firstDay == null) {
            return "FIRST_CHOICE_NOT_OPEN_THAT_DAY";
        }
        String misfit = new Usage(solution.getPlacements(), p).misfit(p.getApplicant(), firstDay);
        return misfit == null ? "FIRST_CHOICE_WOULD_COST_OTHERS_MORE" : "FIRST_CHOICE_" + misfit;
    }

    /** Why she has no stall on any of her days. */
    static String waitlisted(AllocationProblem solution, List<Placement> hers) {
        if (hers.isEmpty()) {
            return "NO_STALLS_ON_HER_DAYS";
        }
        Map<String, Integer> misfits = new HashMap<>();
        for (Placement p : hers) {
            Usage usage = new Usage(solution.getPlacements(), p);
            for (VenueDay vd : p.getCandidates()) {
                String misfit = usage.misfit(p.getApplicant(), vd);
                if (misfit == null) {
                    return "SOLVER_STOPPED_BEFORE_PLACING_HER";
                }
                misfits.merge(misfit, 1, Integer::sum);
            }
        }
        if (misfits.containsKey("NO_COOKING_STALL")) {
            return "NO_COOKING_STALL_LEFT";
        }
        if (misfits.containsKey("NO_POWER_STALL")) {
            return "NO_POWER_STALL_LEFT";
        }
        return misfits.keySet().equals(java.util.Set.of("CATEGORY_CAP")) ? "CATEGORY_CAP_REACHED"
            : "NO_FREE_STALL_ON_HER_DAYS";
    }
}
