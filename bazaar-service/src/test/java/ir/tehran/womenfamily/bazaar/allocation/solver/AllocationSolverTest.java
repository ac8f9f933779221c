package ir.tehran.womenfamily.bazaar.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ir.tehran.womenfamily.bazaar.fixture.TwentiethExhibition;
import org.junit.jupiter.api.Test;

/** The solver on small problems: who is placed when stalls are short, reproducibility, stability, the baseline. */
class AllocationSolverTest {

    private static final AllocationEngine ENGINE = AllocationEngine.plain();
    private static final SolveOptions QUICK = new SolveOptions(Duration.ofSeconds(60), 2_000L, 7L);

    private static AllocationOutcome solve(AllocationProblem p, SolveOptions options) {
        AllocationProblem solved = ENGINE.solve(p, options, null);
        return AllocationOutcome.of(solved, ENGINE.solutionManager().analyze(solved,
            ScoreAnalysisFetchPolicy.FETCH_ALL));
    }

    private static ProblemBuilder.Request request(Applicant a, LocalDate... days) {
        return new ProblemBuilder.Request(a, List.of(days));
    }

    @Test
    void whenStallsAreShortTheGuaranteedAndHeadsOfHouseholdAndTheLeastServedComeFirst() {
        UUID park = UUID.randomUUID();
        VenueDay only = Mother.venueDay(park, Mother.DAY, 3, 3, 3, 100, 0.5);
        Instant early = Instant.parse("2024-01-01T00:00:00Z");
        Applicant firstComerOftenServed = Mother.applicant().prefers(park).headsHousehold(false).past(4, 2)
            .submitted(early).build();
        Applicant guaranteed = Mother.applicant().prefers(park).headsHousehold(false).past(4, 2).guaranteed().build();
        Applicant headNeverServed = Mother.applicant().prefers(park).headsHousehold(true).past(0, 0).build();
        Applicant headOftenServed = Mother.applicant().prefers(park).headsHousehold(true).past(3, 2).build();
        Applicant participantNeverServed = Mother.applicant().prefers(park).headsHousehold(false).past(0, 0).build();
        List<ProblemBuilder.Request> requests = List.of(request(firstComerOftenServed, Mother.DAY),
            request(guaranteed, Mother.DAY), request(headNeverServed, Mother.DAY), request(headOftenServed, Mother.DAY),
            request(participantNeverServed, Mother.DAY));
        AllocationOutcome out = solve(ProblemBuilder.build(List.of(only), requests, List.of(),
            AllocationWeights.defaults()), QUICK);

        Map<Applicant, Boolean> placed = out.results().stream()
            .collect(Collectors.toMap(AllocationOutcome.ApplicantResult::applicant,
                AllocationOutcome.ApplicantResult::placed));
        assertEquals(0, out.score().hardScore());
        assertTrue(placed.get(guaranteed), "a waitlist guarantee is honoured first");
        assertTrue(placed.get(headNeverServed));
        assertTrue(placed.get(headOftenServed), "heads of household come before other participants");
        assertTrue(!placed.get(firstComerOftenServed) && !placed.get(participantNeverServed));
        AllocationOutcome.ApplicantResult waiting = out.results().stream()
            .filter(r -> r.applicant() == participantNeverServed).findFirst().orElseThrow();
        assertEquals("NO_FREE_STALL_ON_HER_DAYS", waiting.waitlistReason());
        assertTrue(waiting.breakdown().stream()
            .anyMatch(p -> p.constraint().equals(AllocationConstraints.TURNED_AWAY)));

        AllocationProblem greedy = GreedyAllocator.allocate(ProblemBuilder.build(List.of(only), requests, List.of(),
            AllocationWeights.defaults()));
        assertTrue(greedy.getPlacements().stream().filter(p -> p.getApplicant().getApplicationId()
            .equals(firstComerOftenServed.getApplicationId())).allMatch(p -> p.getVenueDay() != null),
            "the first-come baseline serves the first comer whatever her record");
    }

    @Test
    void aStallNotAtHerFirstChoiceSaysWhy() {
        UUID small = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        VenueDay full = Mother.venueDay(small, Mother.DAY, 1, 1, 0, 100, 0.5);
        VenueDay roomy = Mother.venueDay(big, Mother.DAY, 5, 5, 0, 100, 0.5);
        Applicant a = Mother.applicant().prefers(small, big).headsHousehold(true).past(0, 0).build();
        Applicant b = Mother.applicant().prefers(small, big).headsHousehold(false).past(3, 2).build();
        AllocationOutcome out = solve(ProblemBuilder.build(List.of(full, roomy),
            List.of(request(a, Mother.DAY), request(b, Mother.DAY)), List.of(), AllocationWeights.defaults()), QUICK);
        AllocationOutcome.PlacedDay ofA = out.results().stream().filter(r -> r.applicant() == a).findFirst()
            .orElseThrow().days().get(0);
        AllocationOutcome.PlacedDay ofB = out.results().stream().filter(r -> r.applicant() == b).findFirst()
            .orElseThrow().days().get(0);
        assertEquals(0, ofA.rank());
        assertNull(ofA.reason());
        assertEquals(1, ofB.rank());
        assertEquals("FIRST_CHOICE_FULL", ofB.reason());
    }

    @Test
    void theSameSeedAndMoveLimitGiveTheSameAllocation() {
        SolveOptions options = new SolveOptions(Duration.ofSeconds(120), 20_000L, 42L);
        AllocationProblem one = small(11);
        AllocationProblem two = small(11);
        AllocationProblem a = ENGINE.solve(one, options, null);
        AllocationProblem b = ENGINE.solve(two, options, null);
        assertEquals(a.getScore(), b.getScore());
        assertEquals(signature(a), signature(b));
    }

    @Test
    void reSolvingAfterAWithdrawalMovesOnlyWhatMustMove() {
        AllocationProblem first = ENGINE.solve(small(5), QUICK, null);
        List<Placement> placed = first.getPlacements().stream().filter(p -> p.getVenueDay() != null).toList();
        Applicant leaving = placed.get(0).getApplicant();
        List<ProblemBuilder.Pin> pins = placed.stream().filter(p -> p.getApplicant() != leaving)
            .map(p -> new ProblemBuilder.Pin(p.getApplicant().getApplicationId(), p.getDay(),
                p.getVenueDay().getVenueId())).toList();
        List<ProblemBuilder.Request> remaining = new ArrayList<>();
        Map<Applicant, List<LocalDate>> days = first.getPlacements().stream()
            .collect(Collectors.groupingBy(Placement::getApplicant,
                Collectors.mapping(Placement::getDay, Collectors.toList())));
        days.forEach((a, d) -> {
            if (a != leaving) {
                remaining.add(new ProblemBuilder.Request(a, d));
            }
        });
        AllocationProblem again = ENGINE.solve(ProblemBuilder.build(first.getVenueDays(), remaining, pins,
            AllocationWeights.defaults()), QUICK, null);
        Map<String, UUID> before = placed.stream().filter(p -> p.getApplicant() != leaving)
            .collect(Collectors.toMap(Placement::getId, p -> p.getVenueDay().getVenueId()));
        for (Placement p : again.getPlacements()) {
            if (before.containsKey(p.getId())) {
                assertNotNull(p.getVenueDay());
                assertEquals(before.get(p.getId()), p.getVenueDay().getVenueId(), "a kept placement never moves");
            }
        }
        long placedBefore = first.getApplicants().stream().filter(a -> a != leaving)
            .filter(a -> first.getPlacements().stream().anyMatch(p -> p.getApplicant() == a && p.getVenueDay() != null))
            .count();
        long placedAfter = again.getApplicants().stream()
            .filter(a -> again.getPlacements().stream().anyMatch(p -> p.getApplicant() == a && p.getVenueDay() != null))
            .count();
        assertTrue(placedAfter >= placedBefore, "her freed stalls can only help the waitlist");
    }

    @Test
    void theSolverTurnsAwayNoMoreThanTheFirstComeBaselineAndServesTheLeastServedBetter() {
        AllocationProblem forSolver = small(3);
        AllocationProblem forGreedy = small(3);
        AllocationOutcome solver = solve(forSolver, QUICK);
        AllocationProblem greedy = GreedyAllocator.allocate(forGreedy);
        AllocationOutcome baseline = AllocationOutcome.of(greedy, ENGINE.solutionManager().analyze(greedy,
            ScoreAnalysisFetchPolicy.FETCH_ALL));
        assertEquals(0, baseline.score().hardScore(), "the baseline keeps the hard rules too");
        assertTrue(solver.waitlistedCount() <= baseline.waitlistedCount(),
            solver.waitlistedCount() + " vs " + baseline.waitlistedCount());
        assertTrue(solver.score().compareTo(baseline.score()) >= 0);
        assertTrue(servedWithNoPast(solver) >= servedWithNoPast(baseline));
    }

    private static long servedWithNoPast(AllocationOutcome o) {
        return o.results().stream().filter(r -> r.applicant().getPastOpportunities() == 0)
            .filter(AllocationOutcome.ApplicantResult::placed).count();
    }

    /** Three venues, three days, more applicants than stalls. */
    private static AllocationProblem small(long seed) {
        List<TwentiethExhibition.Venue> venues = TwentiethExhibition.venues().subList(0, 20).stream()
            .filter(v -> v.kind().equals("METRO_STATION")).limit(3).toList();
        List<LocalDate> days = Mother.DAY.datesUntil(Mother.DAY.plusDays(3)).toList();
        List<VenueDay> venueDays = TwentiethExhibition.venueDays(venues, Mother.DAY, 3, new java.util.Random(seed));
        return ProblemBuilder.build(venueDays, TwentiethExhibition.applicants(40, venues, days, seed), List.of(),
            AllocationWeights.defaults());
    }

    private static String signature(AllocationProblem p) {
        return p.getPlacements().stream().map(x -> x.getId() + "=" + x.getVenueDay()).sorted()
            .collect(Collectors.joining(","));
    }
}
