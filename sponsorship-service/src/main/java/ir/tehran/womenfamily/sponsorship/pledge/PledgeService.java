package ir.tehran.womenfamily.sponsorship.pledge;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditContext;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.sponsorship.SponsorshipConfig;
import ir.tehran.womenfamily.sponsorship.benefactor.Benefactor;
import ir.tehran.womenfamily.sponsorship.child.Child;
import ir.tehran.womenfamily.sponsorship.child.ChildHistory;
import ir.tehran.womenfamily.sponsorship.child.ChildHistoryLog;
import ir.tehran.womenfamily.sponsorship.child.ChildLeft;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipConsent;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipConsentChanged;
import ir.tehran.womenfamily.sponsorship.consent.SponsorshipDisclosures;
import ir.tehran.womenfamily.sponsorship.common.Rials;
import ir.tehran.womenfamily.sponsorship.common.Scope;
import ir.tehran.womenfamily.sponsorship.giftedschool.SchoolApplication;
import ir.tehran.womenfamily.sponsorship.ledger.Balances;
import ir.tehran.womenfamily.sponsorship.ledger.LedgerEntry;
import ir.tehran.womenfamily.sponsorship.programme.Enrolment;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.Messages;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The life of a pledge and its money. Every change locks the pledge's row; every movement of money is a
 * ledger entry checked by {@link Balances} and added to the row's running balances in the same
 * transaction, so the two always agree (see the reconciliation).
 */
@ApplicationScoped
public class PledgeService {

    private static final Logger LOG = Logger.getLogger(PledgeService.class);

    /** The cause of a suspension and of a resumption, as her history gives it to officers. */
    static final String CONSENT_REVOKED = "MOTHER_REVOKED_SPONSORSHIP_CONSENT";
    static final String CONSENT_GIVEN = "MOTHER_GAVE_SPONSORSHIP_CONSENT";

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    SponsorshipConfig config;

    @Inject
    Outbox outbox;

    @Inject
    ChildHistoryLog history;

    @Inject
    InstalmentService instalments;

    @Inject
    SponsorshipDisclosures disclosures;

    /** Proposes a pledge for a chosen child and holds her for the sponsor. */
    @Transactional
    public Pledge propose(PledgeDtos.NewPledge r, String by) {
        Child child = Child.findById(r.childId());
        if (child == null) {
            throw ProblemException.invalid("childId", "validation.unknown-child");
        }
        if (Benefactor.findById(r.sponsorId()) == null) {
            throw ProblemException.invalid("sponsorId", "validation.unknown-benefactor");
        }
        if (!child.isActive()) {
            throw ProblemException.conflict("child-not-active");
        }
        if (!SponsorshipConsent.given(child.motherId)) {
            throw ProblemException.conflict("consent-required");
        }
        if (Pledge.count("childId = ?1 and purpose = ?2 and status in ?3", r.childId(), r.purpose(),
            List.of(Pledge.Status.PROPOSED, Pledge.Status.ACTIVE, Pledge.Status.SUSPENDED)) > 0) {
            throw ProblemException.conflict("purpose-already-sponsored",
                new Messages.Key("purpose." + r.purpose(), r.purpose().name()));
        }
        Pledge p = create(r.sponsorId(), r.childId(), r.terms(), List.of(), by, "");
        SponsorChildCode.of(r.sponsorId(), r.childId());
        return p;
    }

    /**
     * Creates a proposal in the caller's transaction, once the child was checked (used by matching too); the
     * caller gives the sponsor her code for the child. {@code fieldPrefix} places field errors in the caller's
     * request ({@code requests[3].}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Pledge create(UUID sponsorId, UUID childId, PledgeDtos.Terms t, List<String> reasons, String by,
            String fieldPrefix) {
        UUID payer = t.payerId() == null ? sponsorId : t.payerId();
        if (!payer.equals(sponsorId) && Benefactor.findById(payer) == null) {
            throw ProblemException.invalid(fieldPrefix + "payerId", "validation.unknown-benefactor");
        }
        int months;
        if (t.schedule() == Pledge.Schedule.MONTHLY) {
            if (t.months() == null) {
                throw ProblemException.invalid(fieldPrefix + "months", "validation.required");
            }
            months = t.months();
        } else {
            if (t.months() != null && t.months() != 1) {
                throw ProblemException.invalid(fieldPrefix + "months", "validation.one-off-months");
            }
            months = 1;
        }
        long total;
        try {
            total = Math.multiplyExact(t.instalmentRials(), (long) months);
        } catch (ArithmeticException e) {
            total = Long.MAX_VALUE;
        }
        if (t.instalmentRials() > Rials.MAX || total > Rials.MAX) {
            throw ProblemException.invalid(fieldPrefix + "instalmentRials", "validation.amount-too-large");
        }
        LocalDate startsOn = t.startsOn();
        Instant now = Instant.now(clock);
        Pledge p = new Pledge();
        p.id = UUID.randomUUID();
        p.sponsorId = sponsorId;
        p.payerId = payer;
        p.childId = childId;
        p.purpose = t.purpose();
        p.schedule = t.schedule();
        p.instalmentRials = t.instalmentRials();
        p.months = (short) months;
        p.totalRials = total;
        p.startsOn = startsOn == null ? Tehran.today(clock) : startsOn;
        p.status = Pledge.Status.PROPOSED;
        p.heldUntil = now.plus(config.matching().hold());
        p.matchReasons = new ArrayList<>(reasons);
        p.proposedAt = now;
        p.createdBy = by;
        p.persist();
        // the child is shown to the sponsor from now: her record lists it (under the consent checked again here)
        disclosures.shared(Child.<Child>findById(childId).motherId, SponsorshipDisclosures.CHILD_PROPOSED, p.id);
        audit.record(AuditEvent.of("pledge.create", "pledge", p.id));
        return p;
    }

    /** The sponsor confirmed: the sponsorship starts and the promise enters the ledger. */
    @Transactional
    public Pledge confirm(UUID id, String by) {
        Pledge p = lock(id);
        if (p.status != Pledge.Status.PROPOSED) {
            throw ProblemException.conflict("pledge-not-proposed", p.status);
        }
        Instant now = Instant.now(clock);
        if (p.heldUntil.isBefore(now)) {
            throw ProblemException.conflict("hold-expired");
        }
        Child child = Child.findById(p.childId);
        if (!child.isActive()) {
            throw ProblemException.conflict("child-not-active");
        }
        if (!SponsorshipConsent.given(child.motherId)) {
            throw ProblemException.conflict("consent-required");
        }
        p.status = Pledge.Status.ACTIVE;
        p.confirmedAt = now;
        p.heldUntil = null;
        append(p, LedgerEntry.Kind.PLEDGED, p.totalRials, Tehran.today(clock), null, null, null, null, by);
        instalments.schedule(p);
        history.record(p.childId, now, ChildHistory.Kind.SPONSORSHIP_STARTED,
            Map.of("sponsorshipId", p.id, "purpose", p.purpose), null);
        outbox.append(DomainEvent.of(Pledge.AGGREGATE, p.id, "sponsorship.started", 1,
            new PledgeEvents.SponsorshipStarted(p.id, p.childId, p.purpose, now)));
        disclosures.shared(child.motherId, SponsorshipDisclosures.CHILD_SPONSORED, p.id);
        audit.record(AuditEvent.of("pledge.confirm", "pledge", id));
        return p;
    }

    /** The proposal is declined: the child is free again for this purpose. */
    @Transactional
    public Pledge release(UUID id) {
        Pledge p = lock(id);
        if (p.status != Pledge.Status.PROPOSED) {
            throw ProblemException.conflict("pledge-not-proposed", p.status);
        }
        release(p, Pledge.ReleaseReason.DECLINED, Instant.now(clock));
        audit.record(AuditEvent.of("pledge.release", "pledge", id));
        return p;
    }

    @Transactional
    public Pledge end(UUID id, Pledge.EndReason reason, String by) {
        Pledge p = lock(id);
        if (p.status != Pledge.Status.ACTIVE && p.status != Pledge.Status.SUSPENDED) {
            throw ProblemException.conflict("pledge-not-active", p.status);
        }
        end(p, reason, Instant.now(clock), by);
        audit.record(AuditEvent.of("pledge.end", "pledge", id).withDetail(reason));
        return p;
    }

    @Transactional
    public LedgerEntry receive(UUID id, PledgeDtos.Receipt r, String by) {
        Pledge p = lock(id);
        if (p.status != Pledge.Status.ACTIVE) {
            throw ProblemException.conflict("pledge-not-active", p.status);
        }
        LocalDate on = onOrToday(r.receivedOn(), "receivedOn");
        instalments.checkReceipt(p, r.instalmentNumber(), r.amountRials());
        LedgerEntry e = append(p, LedgerEntry.Kind.RECEIVED, r.amountRials(), on, null, null, null, r.note(), by);
        instalments.pay(p, e, r.instalmentNumber());
        audit.record(AuditEvent.of("pledge.receipt", "pledge", id));
        return e;
    }

    @Transactional
    public LedgerEntry disburse(UUID id, PledgeDtos.Disbursement r, String by) {
        Pledge p = lock(id);
        // money received stays the child's while her sponsorship is suspended or after it ended
        if (p.status != Pledge.Status.ACTIVE && p.status != Pledge.Status.SUSPENDED
            && p.status != Pledge.Status.ENDED) {
            throw ProblemException.conflict("pledge-not-active", p.status);
        }
        if (!targetFits(p.purpose, r.target())) {
            throw ProblemException.invalid("target", "validation.target-purpose", p.purpose);
        }
        if ((r.referenceType() == null) != (r.referenceId() == null)) {
            throw ProblemException.invalid(r.referenceType() == null ? "referenceType" : "referenceId",
                "validation.reference-pair");
        }
        if (r.referenceType() != null) {
            checkReference(p, r);
        }
        LocalDate on = onOrToday(r.disbursedOn(), "disbursedOn");
        LedgerEntry e = append(p, LedgerEntry.Kind.DISBURSED, r.amountRials(), on, r.target(), r.referenceType(),
            r.referenceId(), r.note(), by);
        outbox.append(DomainEvent.of(Pledge.AGGREGATE, p.id, "disbursement.recorded", 1,
            new PledgeEvents.DisbursementRecorded(e.id, p.id, p.childId, e.target, e.amountRials, on,
                Days.jalali(on))));
        audit.record(AuditEvent.of("pledge.disbursement", "pledge", id));
        return e;
    }

    @Transactional
    public Optional<Pledge> find(UUID id) {
        return Pledge.findByIdOptional(id);
    }

    /** Filters of the pledge list; null means any. */
    public record Filter(UUID sponsorId, UUID childId, Pledge.Status status, Pledge.Purpose purpose, Scope scope) {
    }

    @Transactional
    /**
     * Up to {@code fetch} pledges, latest proposed first, after the pledge {@code (afterProposed, afterId)} of the
     * previous page (none: from the first).
     */
    public List<Pledge> list(Filter f, Instant afterProposed, UUID afterId, int fetch) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        add(q, params, "sponsorId", f.sponsorId());
        add(q, params, "childId", f.childId());
        add(q, params, "status", f.status());
        add(q, params, "purpose", f.purpose());
        if (!f.scope().all()) {
            q.append(" and childId in (select c.id from Child c where 1 = 1").append(f.scope().and("c.district"))
                .append(")");
        }
        if (afterProposed != null) {
            params.add(afterProposed);
            q.append(" and (proposedAt < ?").append(params.size()).append(" or (proposedAt = ?").append(params.size());
            params.add(afterId);
            q.append(" and id > ?").append(params.size()).append("))");
        }
        return Pledge.<Pledge>find(q + " order by proposedAt desc, id", params.toArray()).range(0, fetch - 1).list();
    }

    /** One entry of the pledge's ledger, if it is one of hers. */
    @Transactional
    public Optional<LedgerEntry> entry(UUID pledgeId, long entryId) {
        return LedgerEntry.<LedgerEntry>find("pledgeId = ?1 and id = ?2", pledgeId, entryId).firstResultOptional();
    }

    @Transactional
    public List<LedgerEntry> entries(UUID pledgeId) {
        return LedgerEntry.list("pledgeId = ?1 order by id", pledgeId);
    }

    /** Releases every hold past its time, one transaction per pledge; returns how many. */
    public int releaseExpired(Instant now) {
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> Pledge.<Pledge>list(
                "status = ?1 and heldUntil < ?2", Pledge.Status.PROPOSED, now).stream().map(p -> p.id).toList());
        int released = 0;
        for (UUID id : expired) {
            boolean done = QuarkusTransaction.requiringNew().call(() -> {
                Pledge p = lock(id);
                if (p.status != Pledge.Status.PROPOSED || !p.heldUntil.isBefore(now)) {
                    return false;
                }
                release(p, Pledge.ReleaseReason.EXPIRED, now);
                audit.record(AuditEvent.of("pledge.release", "pledge", p.id)
                    .withDetail("releaseReason", Pledge.ReleaseReason.EXPIRED));
                return true;
            });
            released += done ? 1 : 0;
        }
        return released;
    }

    @Scheduled(identity = "release-expired-holds", every = "${sponsorship.matching.expiry-every}", delayed = "30s",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseExpiredHolds() {
        int n = AuditContext.get("release-expired-holds", "job:release-expired-holds",
            () -> releaseExpired(Instant.now(clock)));
        if (n > 0) {
            LOG.infof("released %d expired holds", n);
        }
    }

    /** A child who leaves takes her pledges with her: sponsorships end, holds are released. */
    void onChildLeft(@Observes ChildLeft left) {
        Pledge.EndReason end = left.reason() == ChildLeft.Reason.CHILD_AGED_OUT ? Pledge.EndReason.CHILD_AGED_OUT
            : Pledge.EndReason.CHILD_REMOVED;
        Pledge.ReleaseReason release = left.reason() == ChildLeft.Reason.CHILD_AGED_OUT
            ? Pledge.ReleaseReason.CHILD_AGED_OUT : Pledge.ReleaseReason.CHILD_REMOVED;
        List<Pledge> open = Pledge.list("childId = ?1 and status in ?2", left.childId(),
            List.of(Pledge.Status.PROPOSED, Pledge.Status.ACTIVE, Pledge.Status.SUSPENDED));
        for (Pledge listed : open) {
            Pledge p = lock(listed.id);
            // by the consumer of the registry's events or the age-out job (their audit context), or an admin
            if (p.status == Pledge.Status.ACTIVE || p.status == Pledge.Status.SUSPENDED) {
                end(p, end, left.at(), "system");
                audit.record(AuditEvent.of("pledge.end", "pledge", p.id).withDetail("endReason", end));
            } else if (p.status == Pledge.Status.PROPOSED) {
                release(p, release, left.at());
                audit.record(AuditEvent.of("pledge.release", "pledge", p.id).withDetail("releaseReason", release));
            }
        }
    }

    /**
     * The mother's consent to sponsorship was revoked or given again (in the transaction of the registry's event,
     * by its consumer). Revoked: each running sponsorship of her children is suspended: what the payer had still
     * to give is released in the ledger and the open instalments are cancelled, as at an end, so nothing more is
     * due; the money already received stays for the child (an officer may still disburse it); the sponsor sees the
     * sponsorship ended, without a reason, and no longer sees the child. Given again: each suspended sponsorship
     * resumes: the released sum is pledged again, in new monthly instalments of the same amount from today, and
     * the child is shown to the sponsor again (reported to her record). Proposals are left to expire: they cannot
     * be confirmed without her consent. Each change is audited ({@code pledge.suspend}, {@code pledge.resume}).
     */
    void onConsentChanged(@Observes SponsorshipConsentChanged changed) {
        Pledge.Status from = changed.active() ? Pledge.Status.SUSPENDED : Pledge.Status.ACTIVE;
        List<Pledge> running = Pledge.list("status = ?1 and childId in "
            + "(select c.id from Child c where c.motherId = ?2) order by id", from, changed.motherId());
        for (Pledge listed : running) {
            Pledge p = lock(listed.id);
            if (p.status != from) {
                continue;
            }
            if (changed.active()) {
                resume(p, changed.at());
            } else {
                suspend(p, changed.at());
            }
        }
    }

    private void suspend(Pledge p, Instant at) {
        long outstanding = p.balances().outstanding();
        if (outstanding > 0) {
            append(p, LedgerEntry.Kind.PLEDGE_RELEASED, outstanding, Tehran.today(clock), null, null, null,
                "suspended", "system");
        }
        long cancelled = instalments.cancelOpen(p);
        p.status = Pledge.Status.SUSPENDED;
        p.suspendedAt = at;
        p.suspendedRials = outstanding;
        // the cause is for the officers who read her history; the event names none (see PledgeEvents)
        history.record(p.childId, at, ChildHistory.Kind.SPONSORSHIP_SUSPENDED,
            Map.of("sponsorshipId", p.id, "purpose", p.purpose, "cause", CONSENT_REVOKED), null);
        outbox.append(DomainEvent.of(Pledge.AGGREGATE, p.id, "sponsorship.suspended", 1,
            new PledgeEvents.SponsorshipSuspended(p.id, p.childId, p.purpose, at)));
        audit.record(AuditEvent.of("pledge.suspend", "pledge", p.id).withDetail("releasedRials", outstanding)
            .withDetail("cancelledRials", cancelled));
    }

    private void resume(Pledge p, Instant at) {
        long again = p.suspendedRials;
        LocalDate today = Tehran.today(clock);
        if (again > 0) {
            append(p, LedgerEntry.Kind.PLEDGED, again, today, null, null, null, "resumed", "system");
            instalments.resume(p, again, today);
            p.repledgedRials = Math.addExact(p.repledgedRials, again);
        }
        p.status = Pledge.Status.ACTIVE;
        p.suspendedAt = null;
        p.suspendedRials = 0;
        history.record(p.childId, at, ChildHistory.Kind.SPONSORSHIP_RESUMED,
            Map.of("sponsorshipId", p.id, "purpose", p.purpose, "cause", CONSENT_GIVEN), null);
        outbox.append(DomainEvent.of(Pledge.AGGREGATE, p.id, "sponsorship.resumed", 1,
            new PledgeEvents.SponsorshipResumed(p.id, p.childId, p.purpose, at)));
        disclosures.shared(Child.<Child>findById(p.childId).motherId, SponsorshipDisclosures.CHILD_SPONSORED, p.id);
        audit.record(AuditEvent.of("pledge.resume", "pledge", p.id).withDetail("pledgedRials", again));
    }

    // ---- internals

    private void release(Pledge p, Pledge.ReleaseReason reason, Instant at) {
        p.status = Pledge.Status.RELEASED;
        p.releaseReason = reason;
        p.releasedAt = at;
        p.heldUntil = null;
    }

    private void end(Pledge p, Pledge.EndReason reason, Instant at, String by) {
        long outstanding = p.balances().outstanding();
        if (outstanding > 0) {
            append(p, LedgerEntry.Kind.PLEDGE_RELEASED, outstanding, Tehran.today(clock), null, null, null,
                "end: " + reason, by);
        }
        instalments.cancelOpen(p);
        p.status = Pledge.Status.ENDED;
        p.endReason = reason;
        p.endedAt = at;
        history.record(p.childId, at, ChildHistory.Kind.SPONSORSHIP_ENDED,
            Map.of("sponsorshipId", p.id, "purpose", p.purpose, "reason", reason), null);
        outbox.append(DomainEvent.of(Pledge.AGGREGATE, p.id, "sponsorship.ended", 1,
            new PledgeEvents.SponsorshipEnded(p.id, p.childId, p.purpose, reason, at)));
    }

    private LedgerEntry append(Pledge p, LedgerEntry.Kind kind, long amount, LocalDate on, LedgerEntry.Target target,
            LedgerEntry.ReferenceType refType, UUID refId, String note, String by) {
        Balances after;
        try {
            after = p.balances().apply(kind, amount);
        } catch (Balances.Refused e) {
            throw ProblemException.conflict(e.code(), p.balances().outstanding(), p.balances().available());
        } catch (ArithmeticException e) {
            throw ProblemException.conflict("amount-too-large");
        }
        LedgerEntry entry = new LedgerEntry();
        entry.pledgeId = p.id;
        entry.kind = kind;
        entry.amountRials = amount;
        entry.occurredOn = on;
        entry.target = target;
        entry.referenceType = refType;
        entry.referenceId = refId;
        entry.note = PersianText.normalize(note);
        entry.recordedBy = by;
        entry.recordedAt = Instant.now(clock);
        entry.persist();
        p.balances(after);
        return entry;
    }

    private static boolean targetFits(Pledge.Purpose purpose, LedgerEntry.Target target) {
        return switch (purpose) {
            case SCHOOL_FEES -> target == LedgerEntry.Target.SCHOOL_FEES;
            case COURSE -> target == LedgerEntry.Target.COURSE_FEES;
            case EDUCATION, GENERAL -> true;
        };
    }

    private static void checkReference(Pledge p, PledgeDtos.Disbursement r) {
        boolean ok = switch (r.referenceType()) {
            case SCHOOL_APPLICATION -> {
                SchoolApplication a = SchoolApplication.findById(r.referenceId());
                yield a != null && a.childId.equals(p.childId) && r.target() == LedgerEntry.Target.SCHOOL_FEES;
            }
            case ENROLMENT -> {
                Enrolment e = Enrolment.findById(r.referenceId());
                yield e != null && e.childId.equals(p.childId) && r.target() == LedgerEntry.Target.COURSE_FEES;
            }
            // a draw on a campaign fund is the fund's, never a pledge's
            case FUND_DRAW -> false;
        };
        if (!ok) {
            throw ProblemException.invalid("referenceId", "validation.reference-not-hers");
        }
    }

    private LocalDate onOrToday(LocalDate on, String field) {
        LocalDate today = Tehran.today(clock);
        if (on != null && on.isAfter(today)) {
            throw ProblemException.invalid(field, "validation.not-in-future");
        }
        return on == null ? today : on;
    }

    private static Pledge lock(UUID id) {
        Pledge p = Pledge.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("pledge", id);
        }
        return p;
    }

    private static void add(StringBuilder q, List<Object> params, String field, Object value) {
        if (value != null) {
            params.add(value);
            q.append(" and ").append(field).append(" = ?").append(params.size());
        }
    }
}
