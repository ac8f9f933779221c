package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The weights of the medium and soft goals, configurable (see {@code bazaar.allocation.weights.*}). The
 * hard constraints have no weight to tune: they must hold.
 */
public record AllocationWeights(long turnedAway, long guarantee, long fewerPast, long fewerGood, long headsFirst,
        long preference, long nearHome, long categoryMix, long useStalls, long spreadDays) {

    public static AllocationWeights defaults() {
        return new AllocationWeights(1, 10, 100, 5, 500, 10, 1, 2, 40, 1);
    }

    public ConstraintWeightOverrides<HardMediumSoftLongScore> overrides() {
        Map<String, HardMediumSoftLongScore> m = new LinkedHashMap<>();
        m.put(AllocationConstraints.TURNED_AWAY, HardMediumSoftLongScore.ofMedium(turnedAway));
        m.put(AllocationConstraints.GUARANTEE, HardMediumSoftLongScore.ofMedium(guarantee));
        m.put(AllocationConstraints.FEWER_PAST, HardMediumSoftLongScore.ofSoft(fewerPast));
        m.put(AllocationConstraints.FEWER_GOOD, HardMediumSoftLongScore.ofSoft(fewerGood));
        m.put(AllocationConstraints.HEADS_FIRST, HardMediumSoftLongScore.ofSoft(headsFirst));
        m.put(AllocationConstraints.PREFERENCE, HardMediumSoftLongScore.ofSoft(preference));
        m.put(AllocationConstraints.NEAR_HOME, HardMediumSoftLongScore.ofSoft(nearHome));
        m.put(AllocationConstraints.CATEGORY_MIX, HardMediumSoftLongScore.ofSoft(categoryMix));
        m.put(AllocationConstraints.USE_STALLS, HardMediumSoftLongScore.ofSoft(useStalls));
        m.put(AllocationConstraints.SPREAD_DAYS, HardMediumSoftLongScore.ofSoft(spreadDays));
        return ConstraintWeightOverrides.of(m);
    }
}
