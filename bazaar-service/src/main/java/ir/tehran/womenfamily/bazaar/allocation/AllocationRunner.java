package ir.tehran.womenfamily.bazaar.allocation;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationEngine;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationOutcome;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationProblem;
import ir.tehran.womenfamily.bazaar.allocation.solver.GreedyAllocator;
import ir.tehran.womenfamily.bazaar.allocation.solver.SolveOptions;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Solves recorded runs in the background: a small thread pool ({@code bazaar.allocation.concurrent-runs}),
 * the solver or the greedy baseline, and each solving run's progress on this instance. What a run decided
 * is stored by {@link AllocationRuns}; this class holds no state in the database of its own.
 */
@ApplicationScoped
public class AllocationRunner {

    private static final Logger LOG = Logger.getLogger(AllocationRunner.class);

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AllocationConfig config;

    @Inject
    SolverConfig solverConfig;

    @Inject
    ProblemLoader loader;

    @Inject
    AllocationRuns runs;

    private AllocationEngine engine;
    private SolutionManager<AllocationProblem, HardMediumSoftLongScore> solutionManager;
    private ExecutorService executor;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();

    /** A run solving on this instance: its solver (to stop it) and its progress. */
    static final class Live {
        volatile Solver<AllocationProblem> solver;
        volatile String bestScore;
        volatile long millisSpent;
        volatile int improvements;
        final long limitMs;

        Live(long limitMs) {
            this.limitMs = limitMs;
        }
    }

    @PostConstruct
    void init() {
        engine = new AllocationEngine(solverConfig);
        executor = Executors.newFixedThreadPool(config.concurrentRuns(), r -> {
            Thread t = new Thread(r, "allocation");
            t.setDaemon(true);
            return t;
        });
    }

    void stopAll(@Observes ShutdownEvent event) {
        live.values().forEach(l -> {
            if (l.solver != null) {
                l.solver.terminateEarly();
            }
        });
        executor.shutdownNow();
    }

    synchronized SolutionManager<AllocationProblem, HardMediumSoftLongScore> solutionManager() {
        if (solutionManager == null) {
            solutionManager = engine.solutionManager();
        }
        return solutionManager;
    }

    /**
     * Solves the run on a background thread once the transaction that started it ({@link AllocationRuns#start})
     * commits: the start is idempotent ({@code Idempotency-Key}), its answer stored in that transaction, so a run
     * whose start is rolled back (or replayed) is never solved. Its progress is known from now on.
     */
    public void launchOnCommit(AllocationRun run, Long moveLimit) {
        UUID runId = run.id;
        live.put(runId, new Live(run.timeLimitMs));
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            executor.submit(() -> solve(runId, moveLimit));
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    executor.submit(() -> solve(runId, moveLimit));
                } else {
                    live.remove(runId);
                }
            }
        });
    }

    void solve(UUID runId, Long moveLimit) {
        Live state = live.get(runId);
        try {
            ProblemLoader.Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
                AllocationRun run = AllocationRun.findById(runId);
                return loader.load(Bazaar.findById(run.bazaarId), run.basedOn, config.allocationWeights());
            });
            AllocationRun run = QuarkusTransaction.requiringNew().call(() -> AllocationRun.findById(runId));
            AllocationProblem solved;
            if (run.method == AllocationRun.Method.GREEDY) {
                solved = GreedyAllocator.allocate(loaded.problem());
            } else {
                Solver<AllocationProblem> solver = engine.solver(new SolveOptions(Duration.ofMillis(run.timeLimitMs),
                    moveLimit, run.seed));
                state.solver = solver;
                solved = AllocationEngine.solve(solver, loaded.problem(), p -> {
                    state.bestScore = p.bestScore().toString();
                    state.millisSpent = p.millisSpent();
                    state.improvements++;
                });
            }
            ScoreAnalysis<HardMediumSoftLongScore> analysis = solutionManager().analyze(solved,
                ScoreAnalysisFetchPolicy.FETCH_ALL);
            AllocationOutcome outcome = AllocationOutcome.of(solved, analysis);
            runs.store(runId, outcome);
            LOG.infof("allocation %s of bazaar %s: %s, %d placed, %d waitlisted", runId, run.bazaarId,
                outcome.score(), outcome.placedCount(), outcome.waitlistedCount());
        } catch (RuntimeException e) {
            LOG.errorf(e, "allocation %s failed", runId);
            runs.fail(runId, e);
        } finally {
            live.remove(runId);
        }
    }

    /** Asks a solving run to stop now; it keeps the best solution found so far. */
    public boolean stop(UUID runId) {
        Live l = live.get(runId);
        return l != null && l.solver != null && l.solver.terminateEarly();
    }

    /** The progress of a run solving on this instance, or null. */
    public AllocationDtos.Progress progress(UUID runId) {
        Live l = live.get(runId);
        if (l == null) {
            return null;
        }
        int percent = l.limitMs == 0 ? 0 : (int) Math.min(100, l.millisSpent * 100 / l.limitMs);
        return new AllocationDtos.Progress(l.bestScore, l.millisSpent, percent, l.improvements);
    }
}
