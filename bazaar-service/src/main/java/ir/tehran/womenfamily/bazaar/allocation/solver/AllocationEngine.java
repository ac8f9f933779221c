package ir.tehran.womenfamily.bazaar.allocation.solver;

import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * Runs the Timefold solver on one allocation problem: a fixed seed, a time limit (and optionally a move
 * limit), progress reported on every new best solution. The construction heuristic always completes (it
 * never breaks a hard constraint: a producer who fits nowhere stays unplaced), so a run always ends with a
 * feasible allocation; the time and move limits bound the local search that improves it.
 * Used by the service (with the Quarkus-built
 * configuration) and by tests and benchmarks (with a plain one).
 */
public final class AllocationEngine {

    private final SolverConfig base;

    public AllocationEngine(SolverConfig base) {
        this.base = base;
    }

    /** The configuration outside Quarkus: the domain and constraints of this package, reflection access. */
    public static AllocationEngine plain() {
        return new AllocationEngine(new SolverConfig()
            .withSolutionClass(AllocationProblem.class)
            .withEntityClasses(Placement.class)
            .withConstraintProviderClass(AllocationConstraints.class));
    }

    /** A new best solution found while solving. */
    public record Progress(HardMediumSoftLongScore bestScore, long millisSpent) {
    }

    /** A solver that can be stopped early from another thread. */
    public Solver<AllocationProblem> solver(SolveOptions options) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(options.timeLimit());
        if (options.moveLimit() != null) {
            termination = new TerminationConfig().withTerminationConfigList(java.util.List.of(termination,
                new TerminationConfig().withMoveCountLimit(options.moveLimit())));
        }
        SolverConfig config = base.copyConfig()
            .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
            .withRandomSeed(options.seed())
            .withTerminationConfig(new TerminationConfig().withSpentLimit(options.timeLimit().multipliedBy(4)
                .plusMinutes(5)))
            .withPhases(new ConstructionHeuristicPhaseConfig(),
                new LocalSearchPhaseConfig().withTerminationConfig(termination));
        return SolverFactory.<AllocationProblem>create(config).buildSolver();
    }

    public AllocationProblem solve(AllocationProblem problem, SolveOptions options, Consumer<Progress> progress) {
        Solver<AllocationProblem> solver = solver(options);
        return solve(solver, problem, progress);
    }

    public static AllocationProblem solve(Solver<AllocationProblem> solver, AllocationProblem problem,
            Consumer<Progress> progress) {
        if (progress != null) {
            solver.addEventListener(e -> progress.accept(new Progress((HardMediumSoftLongScore) e.getNewBestScore(),
                e.getTimeMillisSpent())));
        }
        return solver.solve(problem);
    }

    /** Computes the score of a solution made elsewhere (the greedy baseline) and analyses it. */
    public SolutionManager<AllocationProblem, HardMediumSoftLongScore> solutionManager() {
        return SolutionManager.create(SolverFactory.<AllocationProblem>create(base.copyConfig()
            .withTerminationConfig(new TerminationConfig().withSpentLimit(java.time.Duration.ofSeconds(1)))));
    }
}
