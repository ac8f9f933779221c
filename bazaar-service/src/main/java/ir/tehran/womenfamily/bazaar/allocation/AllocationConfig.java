package ir.tehran.womenfamily.bazaar.allocation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationWeights;

/** Settings of the allocation: how long the solver runs, its seed, and the weights of the soft goals. */
@ConfigMapping(prefix = "bazaar.allocation")
public interface AllocationConfig {

    /** Time limit of a run when the request names none. */
    @WithDefault("30s")
    Duration timeLimit();

    /** The longest time limit a request may ask for. */
    @WithDefault("10m")
    Duration maxTimeLimit();

    /** Seed of a run when the request names none: the same seed and move limit give the same result. */
    @WithDefault("1402")
    long seed();

    /** Runs solving at once (each uses one core); more wait their turn. */
    @WithDefault("1")
    int concurrentRuns();

    Weights weights();

    /** Weights of the medium and soft goals (see {@link AllocationWeights}). */
    interface Weights {
        @WithDefault("1")
        long turnedAway();

        @WithDefault("10")
        long guarantee();

        @WithDefault("100")
        long fewerPast();

        @WithDefault("5")
        long fewerGood();

        @WithDefault("500")
        long headsFirst();

        @WithDefault("10")
        long preference();

        @WithDefault("1")
        long nearHome();

        @WithDefault("2")
        long categoryMix();

        @WithDefault("40")
        long useStalls();

        @WithDefault("1")
        long spreadDays();
    }

    default AllocationWeights allocationWeights() {
        Weights w = weights();
        return new AllocationWeights(w.turnedAway(), w.guarantee(), w.fewerPast(), w.fewerGood(), w.headsFirst(),
            w.preference(), w.nearHome(), w.categoryMix(), w.useStalls(), w.spreadDays());
    }
}
