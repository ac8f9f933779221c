package ir.tehran.womenfamily.bazaar.allocation.solver;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The allocation's rules. Hard: stall capacity per venue and day, the power and cooking stalls producers
 * need, one producer in one place per day, category caps per venue. Medium: no applicant turned away (and
 * above all none whom an earlier waitlist guaranteed a place). Soft, weighted (see {@code AllocationWeights}):
 * fairness over twelve months (fewer past opportunities, and fewer good ones, first), women heads of
 * household first, ranked preferences, a venue near home, a mix of categories, offered stalls used, days
 * spread evenly.
 */
public class AllocationConstraints implements ConstraintProvider {

    public static final String CAPACITY = "Stall capacity per venue and day";
    public static final String POWER = "Power stalls for those who need power";
    public static final String COOKING = "Cooking stalls for those who cook";
    public static final String ONE_PLACE = "One producer in one place per day";
    public static final String CATEGORY_CAP = "Category cap per venue";
    public static final String TURNED_AWAY = "No applicant turned away";
    public static final String GUARANTEE = "Waitlist guarantee honoured";
    public static final String FEWER_PAST = "Fewer past opportunities first";
    public static final String FEWER_GOOD = "Fewer good opportunities first";
    public static final String HEADS_FIRST = "Women heads of household first";
    public static final String PREFERENCE = "Ranked venue preference";
    public static final String NEAR_HOME = "Venue near her home district";
    public static final String CATEGORY_MIX = "Mix of categories at each venue";
    public static final String USE_STALLS = "Offered stalls used";
    public static final String SPREAD_DAYS = "Days spread evenly";

    /** Opportunities in twelve months at or above which no fairness bonus is due. */
    public static final int PAST_HORIZON = 4;
    /** Good opportunities a year the directorate aims at for each producer. */
    public static final int GOOD_TARGET = 2;
    /** The rank cost of a venue she did not list. */
    public static final int UNLISTED_RANK_COST = 8;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
            stallCapacity(f), powerStalls(f), cookingStalls(f), onePlacePerDay(f), categoryCap(f),
            noApplicantTurnedAway(f), waitlistGuarantee(f),
            fewerPastOpportunitiesFirst(f), fewerGoodOpportunitiesFirst(f), headsOfHouseholdFirst(f),
            rankedPreference(f), nearHome(f), categoryMix(f), useOfferedStalls(f), spreadDays(f),
        };
    }

    Constraint stallCapacity(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .groupBy(Placement::getVenueDay, sum(Placement::stalls))
            .filter((vd, stalls) -> stalls > vd.getStalls())
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (vd, stalls) -> stalls - vd.getStalls())
            .asConstraint(CAPACITY);
    }

    Constraint powerStalls(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .filter(p -> p.getApplicant().isNeedsPower())
            .groupBy(Placement::getVenueDay, sum(Placement::stalls))
            .filter((vd, stalls) -> stalls > vd.getPowerStalls())
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (vd, stalls) -> stalls - vd.getPowerStalls())
            .asConstraint(POWER);
    }

    Constraint cookingStalls(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .filter(p -> p.getApplicant().isNeedsCooking())
            .groupBy(Placement::getVenueDay, sum(Placement::stalls))
            .filter((vd, stalls) -> stalls > vd.getCookingStalls())
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (vd, stalls) -> stalls - vd.getCookingStalls())
            .asConstraint(COOKING);
    }

    /** Two businesses of one owner cannot both have her at different venues on the same day. */
    Constraint onePlacePerDay(ConstraintFactory f) {
        return f.forEachUniquePair(Placement.class,
                Joiners.equal(p -> p.getApplicant().getOwnerId()),
                Joiners.equal(Placement::getDay))
            .filter((a, b) -> !a.getVenueDay().getVenueId().equals(b.getVenueDay().getVenueId()))
            .penalize(HardMediumSoftLongScore.ONE_HARD)
            .asConstraint(ONE_PLACE);
    }

    Constraint categoryCap(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .groupBy(Placement::getVenueDay, p -> p.getApplicant().getCategory(), sum(Placement::stalls))
            .filter((vd, category, stalls) -> stalls > vd.getCategoryCap())
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (vd, category, stalls) -> stalls - vd.getCategoryCap())
            .asConstraint(CATEGORY_CAP);
    }

    /** An applicant with no stall on any day is waitlisted: she gets a dated offer, but it costs. */
    Constraint noApplicantTurnedAway(ConstraintFactory f) {
        return f.forEach(Applicant.class)
            .ifNotExists(Placement.class, Joiners.equal(a -> a, Placement::getApplicant))
            .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
            .asConstraint(TURNED_AWAY);
    }

    Constraint waitlistGuarantee(ConstraintFactory f) {
        return f.forEach(Applicant.class)
            .filter(Applicant::isGuaranteed)
            .ifNotExists(Placement.class, Joiners.equal(a -> a, Placement::getApplicant))
            .penalize(HardMediumSoftLongScore.ofMedium(10))
            .asConstraint(GUARANTEE);
    }

    /** Placing her is worth more the fewer opportunities she had in the last twelve months. */
    Constraint fewerPastOpportunitiesFirst(ConstraintFactory f) {
        return f.forEach(Applicant.class)
            .filter(a -> a.getPastOpportunities() < PAST_HORIZON)
            .ifExists(Placement.class, Joiners.equal(a -> a, Placement::getApplicant))
            .rewardLong(HardMediumSoftLongScore.ofSoft(100), a -> PAST_HORIZON - a.getPastOpportunities())
            .asConstraint(FEWER_PAST);
    }

    /** A good venue-day is worth more to her the fewer good opportunities she had. */
    Constraint fewerGoodOpportunitiesFirst(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .filter(p -> p.getApplicant().getPastGoodOpportunities() < GOOD_TARGET)
            .rewardLong(HardMediumSoftLongScore.ofSoft(5), p -> Math.round(p.getVenueDay().getQuality() * 10)
                * (GOOD_TARGET - p.getApplicant().getPastGoodOpportunities()))
            .asConstraint(FEWER_GOOD);
    }

    Constraint headsOfHouseholdFirst(ConstraintFactory f) {
        return f.forEach(Applicant.class)
            .filter(Applicant::isHeadsHousehold)
            .ifExists(Placement.class, Joiners.equal(a -> a, Placement::getApplicant))
            .reward(HardMediumSoftLongScore.ofSoft(500))
            .asConstraint(HEADS_FIRST);
    }

    Constraint rankedPreference(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .filter(p -> p.rank() != 0)
            .penalizeLong(HardMediumSoftLongScore.ofSoft(10), p -> p.rank() < 0 ? UNLISTED_RANK_COST : p.rank())
            .asConstraint(PREFERENCE);
    }

    Constraint nearHome(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .filter(p -> p.getApplicant().getHomeDistrict() != null)
            .penalizeLong(HardMediumSoftLongScore.ofSoft(1), p -> Math.round(Districts.km(
                p.getApplicant().getHomeDistrict(), p.getVenueDay().getLatitude(), p.getVenueDay().getLongitude())))
            .asConstraint(NEAR_HOME);
    }

    /** Each further producer of one category at one venue on one day costs more than the last. */
    Constraint categoryMix(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .groupBy(Placement::getVenueDay, p -> p.getApplicant().getCategory(), count())
            .filter((vd, category, n) -> n > 1)
            .penalizeLong(HardMediumSoftLongScore.ofSoft(2), (vd, category, n) -> (long) n * (n - 1) / 2)
            .asConstraint(CATEGORY_MIX);
    }

    Constraint useOfferedStalls(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .rewardLong(HardMediumSoftLongScore.ofSoft(40), Placement::stalls)
            .asConstraint(USE_STALLS);
    }

    /** A producer's k-th day costs 2k-1: a day goes to someone with fewer days when stalls are short. */
    Constraint spreadDays(ConstraintFactory f) {
        return f.forEach(Placement.class)
            .groupBy(Placement::getApplicant, count())
            .penalizeLong(HardMediumSoftLongScore.ofSoft(1), (a, n) -> (long) n * n)
            .asConstraint(SPREAD_DAYS);
    }
}
