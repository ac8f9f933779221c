package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.util.UUID;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

/** Each constraint alone, with ConstraintVerifier: what it matches, and what it leaves alone. */
class AllocationConstraintsTest {

    private final ConstraintVerifier<AllocationConstraints, AllocationProblem> verifier =
        ConstraintVerifier.build(new AllocationConstraints(), AllocationProblem.class, Placement.class);

    @Test
    void stallCapacityIsPenalisedByTheStallsOverTheOffer() {
        VenueDay vd = Mother.venueDay(2);
        Applicant one = Mother.applicant().stalls(1).build();
        Applicant two = Mother.applicant().stalls(2).build();
        verifier.verifyThat(AllocationConstraints::stallCapacity)
            .given(Mother.placed(one, vd), Mother.placed(two, vd))
            .penalizesBy(1);
        verifier.verifyThat(AllocationConstraints::stallCapacity)
            .given(Mother.placed(two, vd), Mother.unplaced(one, vd))
            .penalizesBy(0);
    }

    @Test
    void powerStallsAreOnlyForThoseWhoNeedPowerAndAreCounted() {
        VenueDay vd = Mother.venueDay(UUID.randomUUID(), Mother.DAY, 5, 1, 0, 100, 0.5);
        Applicant a = Mother.applicant().power().build();
        Applicant b = Mother.applicant().power().stalls(2).build();
        Applicant plain = Mother.applicant().build();
        verifier.verifyThat(AllocationConstraints::powerStalls)
            .given(Mother.placed(a, vd), Mother.placed(b, vd), Mother.placed(plain, vd))
            .penalizesBy(2);
        verifier.verifyThat(AllocationConstraints::powerStalls)
            .given(Mother.placed(a, vd), Mother.placed(plain, vd))
            .penalizesBy(0);
    }

    @Test
    void cookingStallsAreCounted() {
        VenueDay vd = Mother.venueDay(UUID.randomUUID(), Mother.DAY, 5, 5, 1, 100, 0.5);
        Applicant a = Mother.applicant().cooking().build();
        Applicant b = Mother.applicant().cooking().build();
        verifier.verifyThat(AllocationConstraints::cookingStalls)
            .given(Mother.placed(a, vd), Mother.placed(b, vd))
            .penalizesBy(1);
        verifier.verifyThat(AllocationConstraints::cookingStalls)
            .given(Mother.placed(a, vd))
            .penalizesBy(0);
    }

    @Test
    void oneOwnerCannotBeAtTwoVenuesOnOneDay() {
        UUID owner = UUID.randomUUID();
        VenueDay park = Mother.venueDay(10);
        VenueDay metro = Mother.venueDay(10);
        Applicant first = Mother.applicant().owner(owner).build();
        Applicant second = Mother.applicant().owner(owner).build();
        verifier.verifyThat(AllocationConstraints::onePlacePerDay)
            .given(Mother.placed(first, park), Mother.placed(second, metro))
            .penalizesBy(1);
        verifier.verifyThat(AllocationConstraints::onePlacePerDay)
            .given(Mother.placed(first, park), Mother.placed(second, park))
            .penalizesBy(0);
        verifier.verifyThat(AllocationConstraints::onePlacePerDay)
            .given(Mother.placed(first, park), Mother.placed(Mother.applicant().build(), metro))
            .penalizesBy(0);
    }

    @Test
    void aCategoryCannotTakeMoreThanItsCapAtAVenue() {
        VenueDay vd = Mother.venueDay(UUID.randomUUID(), Mother.DAY, 10, 10, 10, 20, 0.5);
        Applicant a = Mother.applicant().category("candles").build();
        Applicant b = Mother.applicant().category("candles").build();
        Applicant c = Mother.applicant().category("candles").build();
        Applicant other = Mother.applicant().category("pottery").build();
        verifier.verifyThat(AllocationConstraints::categoryCap)
            .given(Mother.placed(a, vd), Mother.placed(b, vd), Mother.placed(c, vd), Mother.placed(other, vd))
            .penalizesBy(1);
        verifier.verifyThat(AllocationConstraints::categoryCap)
            .given(Mother.placed(a, vd), Mother.placed(b, vd), Mother.placed(other, vd))
            .penalizesBy(0);
    }

    @Test
    void anApplicantWithNoStallOnAnyDayIsTurnedAwayOnce() {
        VenueDay vd = Mother.venueDay(5);
        Applicant out = Mother.applicant().build();
        Applicant in = Mother.applicant().build();
        verifier.verifyThat(AllocationConstraints::noApplicantTurnedAway)
            .given(out, in, Mother.unplaced(out, vd), Mother.unplaced(out, Mother.venueDay(5)), Mother.placed(in, vd))
            .penalizesBy(1);
    }

    @Test
    void aGuaranteedApplicantLeftOutWeighsTen() {
        VenueDay vd = Mother.venueDay(5);
        Applicant promised = Mother.applicant().guaranteed().build();
        Applicant other = Mother.applicant().build();
        verifier.verifyThat(AllocationConstraints::waitlistGuarantee)
            .given(promised, other, Mother.unplaced(promised, vd), Mother.unplaced(other, vd))
            .penalizesBy(1);
        verifier.verifyThat(AllocationConstraints::waitlistGuarantee)
            .given(promised, Mother.placed(promised, vd))
            .penalizesBy(0);
    }

    @Test
    void fewerPastOpportunitiesEarnMore() {
        VenueDay vd = Mother.venueDay(5);
        Applicant never = Mother.applicant().past(0, 0).build();
        Applicant thrice = Mother.applicant().past(3, 0).build();
        Applicant often = Mother.applicant().past(7, 2).build();
        verifier.verifyThat(AllocationConstraints::fewerPastOpportunitiesFirst)
            .given(never, thrice, often, Mother.placed(never, vd), Mother.placed(thrice, vd), Mother.placed(often, vd))
            .rewardsWith(AllocationConstraints.PAST_HORIZON + AllocationConstraints.PAST_HORIZON - 3);
        verifier.verifyThat(AllocationConstraints::fewerPastOpportunitiesFirst)
            .given(never, Mother.unplaced(never, vd))
            .rewardsWith(0);
    }

    @Test
    void aGoodVenueIsWorthMoreToHerWhoHadFewGoodOnes() {
        VenueDay good = Mother.venueDay(UUID.randomUUID(), Mother.DAY, 5, 5, 5, 100, 0.9);
        Applicant none = Mother.applicant().past(2, 0).build();
        Applicant one = Mother.applicant().past(2, 1).build();
        Applicant enough = Mother.applicant().past(2, 2).build();
        verifier.verifyThat(AllocationConstraints::fewerGoodOpportunitiesFirst)
            .given(Mother.placed(none, good), Mother.placed(one, good), Mother.placed(enough, good))
            .rewardsWith(9 * 2 + 9 * 1);
    }

    @Test
    void headsOfHouseholdComeFirst() {
        VenueDay vd = Mother.venueDay(5);
        Applicant head = Mother.applicant().headsHousehold(true).build();
        Applicant participant = Mother.applicant().headsHousehold(false).build();
        verifier.verifyThat(AllocationConstraints::headsOfHouseholdFirst)
            .given(head, participant, Mother.placed(head, vd), Mother.placed(participant, vd))
            .rewardsWith(1);
        verifier.verifyThat(AllocationConstraints::headsOfHouseholdFirst)
            .given(head, Mother.unplaced(head, vd))
            .rewardsWith(0);
    }

    @Test
    void aLowerRankedOrUnlistedVenueCostsByItsRank() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        VenueDay atFirst = Mother.venueDay(first, Mother.DAY, 5, 5, 5, 100, 0.5);
        VenueDay atThird = Mother.venueDay(third, Mother.DAY, 5, 5, 5, 100, 0.5);
        VenueDay elsewhere = Mother.venueDay(5);
        Applicant a = Mother.applicant().prefers(first, second, third).build();
        Applicant b = Mother.applicant().prefers(first, second, third).build();
        Applicant c = Mother.applicant().prefers(first).build();
        verifier.verifyThat(AllocationConstraints::rankedPreference)
            .given(Mother.placed(a, atFirst), Mother.placed(b, atThird), Mother.placed(c, elsewhere))
            .penalizesBy(2 + AllocationConstraints.UNLISTED_RANK_COST);
    }

    @Test
    void aFarVenueCostsItsKilometres() {
        VenueDay goftogu = Mother.venueDay(5);
        Applicant near = Mother.applicant().district(2).build();
        Applicant far = Mother.applicant().district(20).build();
        Applicant unknown = Mother.applicant().district(null).build();
        long farKm = Math.round(Districts.km(20, Mother.LAT, Mother.LON));
        long nearKm = Math.round(Districts.km(2, Mother.LAT, Mother.LON));
        verifier.verifyThat(AllocationConstraints::nearHome)
            .given(Mother.placed(near, goftogu), Mother.placed(far, goftogu), Mother.placed(unknown, goftogu))
            .penalizesBy(farKm + nearKm);
        org.junit.jupiter.api.Assertions.assertTrue(farKm > 15, "district 20 is far from Goftogu Park: " + farKm);
    }

    @Test
    void manyOfOneCategoryAtOneVenueCostPairs() {
        VenueDay vd = Mother.venueDay(10);
        Applicant a = Mother.applicant().category("dolls").build();
        Applicant b = Mother.applicant().category("dolls").build();
        Applicant c = Mother.applicant().category("dolls").build();
        Applicant d = Mother.applicant().category("pottery").build();
        verifier.verifyThat(AllocationConstraints::categoryMix)
            .given(Mother.placed(a, vd), Mother.placed(b, vd), Mother.placed(c, vd), Mother.placed(d, vd))
            .penalizesBy(3);
    }

    @Test
    void everyStallUsedIsRewarded() {
        VenueDay vd = Mother.venueDay(10);
        Applicant one = Mother.applicant().stalls(1).build();
        Applicant two = Mother.applicant().stalls(2).build();
        verifier.verifyThat(AllocationConstraints::useOfferedStalls)
            .given(Mother.placed(one, vd), Mother.placed(two, vd), Mother.unplaced(Mother.applicant().build(), vd))
            .rewardsWith(3);
    }

    @Test
    void aProducersDaysCostTheSquareOfTheirNumber() {
        Applicant a = Mother.applicant().build();
        Applicant b = Mother.applicant().build();
        VenueDay d1 = Mother.venueDay(UUID.randomUUID(), Mother.DAY, 5, 5, 5, 100, 0.5);
        VenueDay d2 = Mother.venueDay(UUID.randomUUID(), Mother.DAY.plusDays(1), 5, 5, 5, 100, 0.5);
        VenueDay d3 = Mother.venueDay(UUID.randomUUID(), Mother.DAY.plusDays(2), 5, 5, 5, 100, 0.5);
        verifier.verifyThat(AllocationConstraints::spreadDays)
            .given(Mother.placed(a, d1), Mother.placed(a, d2), Mother.placed(a, d3), Mother.placed(b, d1))
            .penalizesBy(9 + 1);
    }
}
