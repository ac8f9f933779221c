package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.time.Duration;

/**
 * How long one solve may run and with which seed. With a {@code moveLimit} the run stops after that many
 * moves, so the same seed gives the same result on any machine; a run stopped by time alone is reproducible
 * only as far as the machine's speed is.
 */
public record SolveOptions(Duration timeLimit, Long moveLimit, long seed) {
}
