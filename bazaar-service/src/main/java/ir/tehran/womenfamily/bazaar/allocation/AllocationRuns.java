package ir.tehran.womenfamily.bazaar.allocation;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationOutcome;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The record of allocation runs: a new run (the rules for starting one), what a solved run decided (its
 * assignments and waitlist, with their explanations) or that it failed, and the reads of runs and their
 * results. {@link AllocationRunner} does the solving.
 */
@ApplicationScoped
public class AllocationRuns {

    @Inject
    Audit audit;

    @Inject
    AllocationConfig config;

    @Inject
    AllocationExplanations explanations;

    @Inject
    Clock clock;

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

    /** One application's stall at a venue on a day. */
    private record Stall(UUID applicationId, LocalDate day, UUID venueId) {
    }

    /** Stores what a solved run decided, in its own transaction: its assignments and waitlist. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(UUID runId, AllocationOutcome outcome) {
        AllocationRun run = AllocationRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        Map<Stall, Assignment> previous = new HashMap<>();
        if (run.basedOn != null) {
            Assignment.<Assignment>list("runId", run.basedOn)
                .forEach(a -> previous.put(new Stall(a.applicationId, a.day, a.venueId), a));
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
                    a.explanation = explanations.write(r, d.reason());
                    Assignment before = previous.get(new Stall(a.applicationId, a.day, a.venueId));
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
                w.explanation = explanations.write(r, r.waitlistReason());
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

    /** Marks a run failed, in its own transaction: it could not be loaded, solved or stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID runId, RuntimeException e) {
        AllocationRun run = AllocationRun.findById(runId);
        run.status = AllocationRun.Status.FAILED;
        run.error = e.getClass().getSimpleName();
        run.finishedAt = Instant.now(clock);
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
}
