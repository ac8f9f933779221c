package ir.tehran.womenfamily.bazaar.allocation;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.config.solver.SolverConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.ShutdownEvent;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationEngine;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationOutcome;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationProblem;
import ir.tehran.womenfamily.bazaar.allocation.solver.GreedyAllocator;
import ir.tehran.womenfamily.bazaar.allocation.solver.SolveOptions;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Runs allocations in the background (the solver or the greedy baseline), keeps their progress, stores
 * their results with explanations, and answers what a run decided.
 */
@ApplicationScoped
public class AllocationService {

    @Inject
    Audit audit;

    private static final Logger LOG = Logger.getLogger(AllocationService.class);

    @Inject
    AllocationConfig config;

    @Inject
    SolverConfig solverConfig;

    @Inject
    ProblemLoader loader;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

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

    /**
     * The venues of a bazaar changed before publication: a run still solving must be stopped first (409), and runs
     * solved for the old stalls can no longer be published (superseded); the coordinator allocates again.
     */
    void onVenuesChanged(@Observes BazaarService.VenuesChanged event) {
        if (AllocationRun.count("bazaarId = ?1 and status = ?2", event.bazaarId(), AllocationRun.Status.SOLVING) > 0) {
            throw ProblemException.conflict("allocation-running");
        }
        AllocationRun.<AllocationRun>list("bazaarId = ?1 and status = ?2", event.bazaarId(),
            AllocationRun.Status.SOLVED).forEach(r -> r.status = AllocationRun.Status.SUPERSEDED);
    }

    synchronized SolutionManager<AllocationProblem, HardMediumSoftLongScore> solutionManager() {
        if (solutionManager == null) {
            solutionManager = engine.solutionManager();
        }
        return solutionManager;
    }

    /** Records a new run. A bazaar being allocated gets a first run; a published one is re-solved. */
    @Transactional
    public AllocationRun start(UUID bazaarId, AllocationDtos.Start r, String by) {
        Bazaar bazaar = Bazaar.findById(bazaarId, LockModeType.PESSIMISTIC_WRITE);
        if (bazaar == null) {
            throw ProblemException.notFound("bazaar", bazaarId);
        }
        AllocationRun published = publishedRun(bazaarId).orElse(null);
        boolean first = bazaar.status == Bazaar.Status.ALLOCATING;
        boolean resolve = (bazaar.status == Bazaar.Status.PUBLISHED || bazaar.status == Bazaar.Status.RUNNING)
            && published != null;
        if (!first && !resolve) {
            throw new ProblemException(409, "not-allocating", bazaar.status.name());
        }
        if (AllocationRun.count("bazaarId = ?1 and status = ?2", bazaarId, AllocationRun.Status.SOLVING) > 0) {
            throw new ProblemException(409, "allocation-running");
        }
        Duration limit = r == null || r.timeLimitSeconds() == null ? config.timeLimit()
            : Duration.ofSeconds(r.timeLimitSeconds());
        if (limit.compareTo(config.maxTimeLimit()) > 0) {
            throw ProblemException.invalid("timeLimitSeconds", "validation.time-limit-too-long",
                config.maxTimeLimit().toSeconds());
        }
        AllocationRun run = new AllocationRun();
        run.id = UUID.randomUUID();
        run.bazaarId = bazaarId;
        run.method = r == null || r.method() == null ? AllocationRun.Method.SOLVER : r.method();
        run.status = AllocationRun.Status.SOLVING;
        run.seed = r == null || r.seed() == null ? config.seed() : r.seed();
        run.timeLimitMs = limit.toMillis();
        run.basedOn = resolve ? published.id : null;
        run.createdBy = by;
        run.startedAt = Instant.now(clock);
        run.persist();
        audit.record(AuditEvent.of("allocation.start", "allocation-run", run.id));
        return run;
    }

    /** Solves the run on a background thread; call after {@link #start} committed. */
    public void launch(UUID runId, Long moveLimit) {
        AllocationRun run = QuarkusTransaction.requiringNew().call(() -> AllocationRun.findById(runId));
        live.put(runId, new Live(run.timeLimitMs));
        executor.submit(() -> solve(runId, moveLimit));
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
            QuarkusTransaction.requiringNew().run(() -> store(runId, outcome));
            LOG.infof("allocation %s of bazaar %s: %s, %d placed, %d waitlisted", runId, run.bazaarId,
                outcome.score(), outcome.placedCount(), outcome.waitlistedCount());
        } catch (RuntimeException e) {
            LOG.errorf(e, "allocation %s failed", runId);
            QuarkusTransaction.requiringNew().run(() -> {
                AllocationRun run = AllocationRun.findById(runId);
                run.status = AllocationRun.Status.FAILED;
                run.error = e.getClass().getSimpleName();
                run.finishedAt = Instant.now(clock);
            });
        } finally {
            live.remove(runId);
        }
    }

    void store(UUID runId, AllocationOutcome outcome) {
        AllocationRun run = AllocationRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Assignment> previous = new HashMap<>();
        if (run.basedOn != null) {
            Assignment.<Assignment>list("runId", run.basedOn)
                .forEach(a -> previous.put(a.applicationId + "|" + a.day + "|" + a.venueId, a));
        }
        for (AllocationOutcome.ApplicantResult r : outcome.results()) {
            if (r.placed()) {
                for (AllocationOutcome.PlacedDay d : r.days()) {
                    Assignment a = new Assignment();
                    a.id = UUID.randomUUID();
                    a.runId = runId;
                    a.bazaarId = run.bazaarId;
                    a.applicationId = r.applicant().getApplicationId();
                    a.businessId = r.applicant().getBusinessId();
                    a.venueId = d.venueId();
                    a.day = d.day();
                    a.stalls = (short) r.applicant().getStalls();
                    a.preferenceRank = d.rank() < 0 ? null : (short) d.rank();
                    a.reason = d.reason();
                    a.explanation = explanation(r, d.reason());
                    Assignment before = previous.get(a.applicationId + "|" + a.day + "|" + a.venueId);
                    a.status = before != null && before.holdsStall() ? before.status : Assignment.Status.ASSIGNED;
                    a.statusChangedAt = before == null ? null : before.statusChangedAt;
                    a.statusBy = before == null ? null : before.statusBy;
                    a.persist();
                }
            } else {
                WaitlistEntry w = new WaitlistEntry();
                w.runId = runId;
                w.applicationId = r.applicant().getApplicationId();
                w.priority = r.priority();
                w.explanation = explanation(r, r.waitlistReason());
                w.persist();
            }
        }
        // the no-shows of the run it re-solves are facts of attendance: they stay on the record
        previous.values().stream().filter(a -> a.status == Assignment.Status.NO_SHOW).forEach(old -> {
            Assignment a = new Assignment();
            a.id = UUID.randomUUID();
            a.runId = runId;
            a.bazaarId = old.bazaarId;
            a.applicationId = old.applicationId;
            a.businessId = old.businessId;
            a.venueId = old.venueId;
            a.day = old.day;
            a.stalls = old.stalls;
            a.preferenceRank = old.preferenceRank;
            a.reason = old.reason;
            a.explanation = old.explanation;
            a.status = old.status;
            a.statusChangedAt = old.statusChangedAt;
            a.statusBy = old.statusBy;
            a.persist();
        });
        run.status = AllocationRun.Status.SOLVED;
        run.score = outcome.score().toString();
        run.applicants = outcome.results().size();
        run.placed = (int) outcome.placedCount();
        run.waitlisted = (int) outcome.waitlistedCount();
        run.finishedAt = Instant.now(clock);
    }

    private String explanation(AllocationOutcome.ApplicantResult r, String reason) {
        AllocationDtos.Explanation e = new AllocationDtos.Explanation(r.score(),
            r.breakdown().stream().map(p -> new AllocationDtos.Part(p.constraint(), p.score())).toList(), reason);
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public AllocationDtos.Explanation readExplanation(String text) {
        try {
            return json.readValue(text, AllocationDtos.Explanation.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Asks a solving run to stop now; it keeps the best solution found so far. */
    public boolean stop(UUID runId) {
        Live l = live.get(runId);
        return l != null && l.solver != null && l.solver.terminateEarly();
    }

    public AllocationDtos.Progress progress(UUID runId) {
        Live l = live.get(runId);
        if (l == null) {
            return null;
        }
        int percent = l.limitMs == 0 ? 0 : (int) Math.min(100, l.millisSpent * 100 / l.limitMs);
        return new AllocationDtos.Progress(l.bestScore, l.millisSpent, percent, l.improvements);
    }

    @Transactional
    public List<AllocationRun> runs(UUID bazaarId) {
        return AllocationRun.list("bazaarId", Sort.by("startedAt"), bazaarId);
    }

    @Transactional
    public Optional<AllocationRun> run(UUID bazaarId, UUID runId) {
        return AllocationRun.<AllocationRun>findByIdOptional(runId).filter(r -> r.bazaarId.equals(bazaarId));
    }

    @Transactional
    public Optional<AllocationRun> publishedRun(UUID bazaarId) {
        return AllocationRun.find("bazaarId = ?1 and status = ?2", bazaarId, AllocationRun.Status.PUBLISHED)
            .firstResultOptional();
    }

    /** A run's assignments; only those of {@code businesses} when it is not null. */
    @Transactional
    public List<Assignment> assignments(UUID runId, Set<UUID> businesses) {
        if (businesses != null && businesses.isEmpty()) {
            return List.of();
        }
        return businesses == null ? Assignment.list("runId", Sort.by("day").and("venueId").and("businessId"), runId)
            : Assignment.list("runId = ?1 and businessId in ?2", Sort.by("day").and("venueId"), runId, businesses);
    }

    @Transactional
    public List<WaitlistEntry> waitlist(UUID runId) {
        return WaitlistEntry.list("runId", Sort.by("priority"), runId);
    }

    @Transactional
    public List<AllocationDtos.WaitlistView> waitlistViews(UUID runId) {
        List<WaitlistEntry> entries = waitlist(runId);
        Map<UUID, UUID> business = new HashMap<>();
        if (!entries.isEmpty()) {
            ir.tehran.womenfamily.bazaar.application.Application.<ir.tehran.womenfamily.bazaar.application.Application>
                list("id in ?1", entries.stream().map(e -> e.applicationId).toList())
                .forEach(a -> business.put(a.id, a.businessId));
        }
        return entries.stream().map(e -> new AllocationDtos.WaitlistView(e.applicationId, business.get(e.applicationId),
            null, e.priority, readExplanation(e.explanation))).toList();
    }
}
