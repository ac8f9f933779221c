package ir.tehran.womenfamily.bazaar.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ir.tehran.womenfamily.bazaar.fixture.TwentiethExhibition;
import org.junit.jupiter.api.Test;

/** The 20th exhibition as a fixture: each of its 864 applicants gets a stall or a dated offer. */
class TwentiethExhibitionTest {

    @Test
    void everyOneOfThe864ApplicantsGetsAStallOrADatedOffer() {
        List<TwentiethExhibition.Venue> venues = TwentiethExhibition.venues();
        assertEquals(20, venues.size());
        assertEquals(4032, venues.stream().mapToInt(TwentiethExhibition.Venue::areaM2).sum());

        AllocationEngine engine = AllocationEngine.plain();
        AllocationProblem problem = TwentiethExhibition.problem(20);
        AllocationProblem solved = engine.solve(problem, new SolveOptions(Duration.ofSeconds(2), null, 1402L), null);
        AllocationOutcome outcome = AllocationOutcome.of(solved,
            engine.solutionManager().analyze(solved, ScoreAnalysisFetchPolicy.FETCH_ALL));

        assertEquals(0, outcome.score().hardScore(), () -> "hard constraints broken: " + outcome.score());
        assertEquals(TwentiethExhibition.APPLICANTS, outcome.results().size());
        // the Nowruz bazaar of Farvardin 1403 is the next one in the calendar
        List<WaitlistPlanner.ComingBazaar> coming = List.of(new WaitlistPlanner.ComingBazaar(UUID.randomUUID(),
            LocalDate.of(2024, 4, 20), LocalDate.of(2024, 4, 25), Set.of(2, 4, 9)));
        for (AllocationOutcome.ApplicantResult r : outcome.results()) {
            if (r.placed()) {
                assertTrue(r.days().stream().allMatch(d -> d.rank() == 0 || d.reason() != null),
                    "a stall not at her first choice carries its reason");
            } else {
                Optional<WaitlistPlanner.Offer> offer = WaitlistPlanner.offerFor(r.applicant(),
                    TwentiethExhibition.START.plusDays(TwentiethExhibition.DAYS - 1), coming);
                assertTrue(offer.isPresent() && offer.get().from() != null, "a dated offer for every waitlisted one");
                assertTrue(r.waitlistReason() != null);
            }
            assertTrue(!r.breakdown().isEmpty(), "every applicant has her score breakdown");
        }
        assertTrue(outcome.placedCount() > TwentiethExhibition.APPLICANTS * 8 / 10,
            "at real scale nearly everyone fits: " + outcome.placedCount());
    }
}
