package ir.tehran.womenfamily.bazaar.offer;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import ir.tehran.womenfamily.bazaar.common.FeedTombstones;
import ir.tehran.womenfamily.bazaar.allocation.AllocationPublished;
import ir.tehran.womenfamily.bazaar.allocation.AllocationRun;
import ir.tehran.womenfamily.bazaar.allocation.Assignment;
import ir.tehran.womenfamily.bazaar.allocation.WaitlistEntry;
import ir.tehran.womenfamily.bazaar.allocation.WaitlistOffers;
import ir.tehran.womenfamily.bazaar.allocation.solver.Applicant;
import ir.tehran.womenfamily.bazaar.allocation.solver.WaitlistPlanner;
import ir.tehran.womenfamily.bazaar.application.Application;
import ir.tehran.womenfamily.bazaar.application.ApplicationWithdrawn;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.bazaar.producer.BusinessClosed;
import ir.tehran.womenfamily.bazaar.producer.Producer;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.security.Caller;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The waitlist at work. A waitlisted producer gets a dated offer of a coming bazaar (or, when none is in the
 * calendar yet, an offer dated as soon as one opens). A stall freed by a no-show, a withdrawal or a closed
 * business is offered to the first producer on the bazaar's waitlist who can take it; if she declines, to
 * the next; unanswered by its deadline ({@code replyBy}), it lapses and goes to the next as well.
 */
@ApplicationScoped
public class OfferService implements WaitlistOffers {

    @Inject
    FeedTombstones tombstones;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    OfferConfig config;

    @Inject
    EntityManager em;

    @Override
    public Set<UUID> guaranteedIn(UUID bazaarId) {
        return new HashSet<>(WaitlistOffer.<WaitlistOffer>list("kind = ?1 and targetBazaarId = ?2 and status in ?3",
                WaitlistOffer.Kind.NEXT_BAZAAR, bazaarId,
                List.of(WaitlistOffer.Status.OPEN, WaitlistOffer.Status.ACCEPTED, WaitlistOffer.Status.USED))
            .stream().map(o -> o.businessId).toList());
    }

    @Override
    public UUID offerNextBazaar(Bazaar source, Application a, List<WaitlistPlanner.ComingBazaar> coming,
            Instant now, List<DomainEvent> events) {
        return offerFor(source, a, coming, now, events).id;
    }

    /** An offer of the next bazaar for a waitlisted application (kept if she already has one). */
    private WaitlistOffer offerFor(Bazaar source, Application a, List<WaitlistPlanner.ComingBazaar> coming,
            Instant now, List<DomainEvent> events) {
        Optional<WaitlistOffer> existing = WaitlistOffer.find("kind = ?1 and sourceBazaarId = ?2 and businessId = ?3 "
                + "and status in ?4", WaitlistOffer.Kind.NEXT_BAZAAR, source.id, a.businessId,
            List.of(WaitlistOffer.Status.OPEN, WaitlistOffer.Status.ACCEPTED)).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        Producer p = Producer.findById(a.businessId);
        Applicant applicant = new Applicant(a.id, a.businessId, p.ownerId, p.category,
            p.district == null ? null : (int) p.district, p.headsHousehold, a.stalls, a.needsPower, a.needsCooking,
            a.venuePreferences, 0, 0, false, a.submittedAt);
        Optional<WaitlistPlanner.Offer> target = WaitlistPlanner.offerFor(applicant, source.endDate, coming);
        WaitlistOffer offer = WaitlistOffer.make(WaitlistOffer.Kind.NEXT_BAZAAR, a.businessId, source.id, a.id,
            target.map(WaitlistPlanner.Offer::targetBazaarId).orElse(null), null,
            target.map(WaitlistPlanner.Offer::from).orElse(null), target.map(WaitlistPlanner.Offer::to).orElse(null),
            a.stalls, now);
        offer.persist();
        if (target.isPresent()) {
            events.add(offer.made());
        }
        return offer;
    }

    @Override
    public void settleForPlaced(Bazaar bazaar, Set<UUID> placed, Instant now) {
        if (placed.isEmpty()) {
            return;
        }
        for (WaitlistOffer o : WaitlistOffer.<WaitlistOffer>list("kind = ?1 and targetBazaarId = ?2 and "
                + "businessId in ?3 and status in ?4", WaitlistOffer.Kind.NEXT_BAZAAR, bazaar.id, placed,
                List.of(WaitlistOffer.Status.OPEN, WaitlistOffer.Status.ACCEPTED))) {
            o.status = WaitlistOffer.Status.USED;
            o.decidedAt = now;
        }
        for (WaitlistOffer o : WaitlistOffer.<WaitlistOffer>list("kind = ?1 and sourceBazaarId = ?2 and "
                + "businessId in ?3 and status = ?4", WaitlistOffer.Kind.NEXT_BAZAAR, bazaar.id, placed,
                WaitlistOffer.Status.OPEN)) {
            o.status = WaitlistOffer.Status.CANCELLED;
            o.decidedAt = now;
            tombstones.record(FeedTombstones.OFFERS, o.id, o.businessId);
        }
    }

    /** A bazaar opened: offers still without a date get this one if it is the first to come after theirs. */
    void onBazaarOpened(@Observes BazaarService.BazaarOpened opened) {
        Bazaar target = Bazaar.findById(opened.bazaarId());
        List<DomainEvent> events = new ArrayList<>();
        for (WaitlistOffer o : WaitlistOffer.<WaitlistOffer>list("kind = ?1 and targetBazaarId is null and status = ?2",
                WaitlistOffer.Kind.NEXT_BAZAAR, WaitlistOffer.Status.OPEN)) {
            Bazaar source = Bazaar.findById(o.sourceBazaarId);
            if (target.startDate.isAfter(source.endDate)) {
                o.targetBazaarId = target.id;
                o.offeredFrom = target.startDate;
                o.offeredTo = target.endDate;
                events.add(o.made());
            }
        }
        outbox.append(events);
    }

    /** Her withdrawal frees her stalls still to come: they go to the waitlist. */
    void onWithdrawn(@Observes ApplicationWithdrawn event) {
        Instant now = Instant.now(clock);
        for (WaitlistOffer o : WaitlistOffer.<WaitlistOffer>list("applicationId = ?1 and status = ?2",
                event.applicationId(), WaitlistOffer.Status.OPEN)) {
            o.status = WaitlistOffer.Status.CANCELLED;
            o.decidedAt = now;
            tombstones.record(FeedTombstones.OFFERS, o.id, o.businessId);
        }
        AllocationRun published = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2",
            event.bazaarId(), AllocationRun.Status.PUBLISHED).firstResult();
        if (published == null) {
            return;
        }
        LocalDate today = Tehran.today(clock);
        List<Assignment> freed = new ArrayList<>();
        for (Assignment a : Assignment.<Assignment>list("runId = ?1 and applicationId = ?2", published.id,
                event.applicationId())) {
            if (a.holdsStall() && !a.day.isBefore(today)) {
                a.status = Assignment.Status.RELEASED;
                a.statusChangedAt = now;
                a.statusBy = "withdrawal";
                freed.add(a);
            }
        }
        offerFreed(published, freed);
    }

    /** A closed business's open offers lapse (her applications and stalls are settled by her withdrawal). */
    @Inject
    Audit audit;

    void onBusinessClosed(@Observes BusinessClosed event) {
        Instant now = Instant.now(clock);
        for (WaitlistOffer o : WaitlistOffer.<WaitlistOffer>list("businessId = ?1 and status in ?2",
                event.businessId(), List.of(WaitlistOffer.Status.OPEN, WaitlistOffer.Status.ACCEPTED))) {
            o.status = WaitlistOffer.Status.CANCELLED;
            o.decidedAt = now;
            tombstones.record(FeedTombstones.OFFERS, o.id, o.businessId);
            audit.record(AuditEvent.of("offer.cancel", "offer", o.id).withDetail("reason", "BUSINESS_CLOSED"));
        }
    }

    /** Offers each freed venue-day to the waitlist. */
    public void offerFreed(AllocationRun published, List<Assignment> freed) {
        List<DomainEvent> events = new ArrayList<>();
        Set<VenueDate> done = new HashSet<>();
        for (Assignment a : freed) {
            if (done.add(new VenueDate(a.venueId, a.day))) {
                offerVenueDay(published, a.venueId, a.day).ifPresent(o -> events.add(o.made()));
            }
        }
        outbox.append(events);
    }

    /** One venue on one day. */
    private record VenueDate(UUID venueId, LocalDate day) {
    }

    /** The first waitlisted producer who can take a stall at this venue on this day gets it offered. */
    Optional<WaitlistOffer> offerVenueDay(AllocationRun published, UUID venueId, LocalDate day) {
        BazaarVenueDay vd = BazaarVenueDay.find("bazaarId = ?1 and venueId = ?2 and day = ?3", published.bazaarId,
            venueId, day).firstResult();
        if (vd == null) {
            return Optional.empty();
        }
        Free free = free(published, vd);
        Set<UUID> alreadyOffered = new HashSet<>(WaitlistOffer.<WaitlistOffer>list("kind = ?1 and sourceBazaarId = ?2 "
                + "and status in ?3 and offeredFrom = ?4", WaitlistOffer.Kind.RELEASED_STALL, published.bazaarId,
                List.of(WaitlistOffer.Status.OPEN, WaitlistOffer.Status.DECLINED, WaitlistOffer.Status.ACCEPTED,
                    WaitlistOffer.Status.LAPSED), day)
            .stream().map(o -> o.applicationId).toList());
        for (WaitlistEntry w : WaitlistEntry.<WaitlistEntry>list("runId", Sort.by("priority"), published.id)) {
            Application a = Application.findById(w.applicationId);
            if (a.status != Application.Status.SUBMITTED || !a.days.contains(day)
                    || alreadyOffered.contains(a.id) || !free.fits(a)) {
                continue;
            }
            boolean busy = Assignment.count("runId = ?1 and businessId = ?2 and day = ?3 and status in ?4",
                published.id, a.businessId, day, List.of(Assignment.Status.ASSIGNED, Assignment.Status.CONFIRMED)) > 0;
            Producer p = Producer.findById(a.businessId);
            if (busy || p == null || !p.mayApply()) {
                continue;
            }
            Instant now = Instant.now(clock);
            WaitlistOffer o = WaitlistOffer.make(WaitlistOffer.Kind.RELEASED_STALL, a.businessId, published.bazaarId,
                a.id, published.bazaarId, venueId, day, day, a.stalls, now);
            o.replyBy = replyBy(now, day);
            o.persist();
            return Optional.of(o);
        }
        return Optional.empty();
    }

    /** Her deadline: {@code bazaar.offer.reply-within} from now, no later than the start of the day if to come. */
    Instant replyBy(Instant now, LocalDate day) {
        Instant deadline = now.plus(config.replyWithin());
        Instant dayStarts = Tehran.startOf(day);
        return dayStarts.isAfter(now) && dayStarts.isBefore(deadline) ? dayStarts : deadline;
    }

    /** The sweep's job name (audit purpose). */
    static final String LAPSE_JOB = "offer-lapse";

    /** How many due offers one sweep transaction takes at most; the next sweep takes the rest. */
    static final int LAPSE_BATCH = 100;

    @Scheduled(every = "${bazaar.offer.sweep-interval:1m}", delayed = "30s", identity = LAPSE_JOB,
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledLapse() {
        lapseDue(Instant.now(clock));
    }

    /**
     * Lapses the open offers whose deadline is at or before {@code now}, each stall going to the next on the
     * waitlist, and returns how many lapsed. Safe with several replicas: each due row is taken
     * {@code for update skip locked}, so two sweeps never take the same offer, and an offer answered meanwhile is
     * no longer open (idempotent: a second sweep at the same instant lapses nothing).
     */
    @Transactional
    public int lapseDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("select id from waitlist_offer where status = 'OPEN' and reply_by <= ?1 "
                + "order by reply_by, id limit ?2 for update skip locked", UUID.class)
            .setParameter(1, now).setParameter(2, LAPSE_BATCH).getResultList();
        List<DomainEvent> events = new ArrayList<>();
        for (UUID id : due) {
            WaitlistOffer o = WaitlistOffer.findById(id);
            events.add(o.lapse());
            audit.record(Caller.system(LAPSE_JOB), AuditEvent.of("offer.lapse", "waitlist-offer", id)
                .withPurpose("job:" + LAPSE_JOB).withDetail("replyBy", o.replyBy));
            if (o.kind == WaitlistOffer.Kind.RELEASED_STALL) {
                AllocationRun published = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2",
                    o.sourceBazaarId, AllocationRun.Status.PUBLISHED).firstResult();
                if (published != null) {
                    offerVenueDay(published, o.venueId, o.offeredFrom).ifPresent(next -> events.add(next.made()));
                }
            }
        }
        outbox.append(events);
        return due.size();
    }

    /** Stalls of one venue-day not held by an assignment nor promised by an open offer. */
    record Free(int stalls, int power, int cooking) {
        boolean fits(Application a) {
            return a.stalls <= stalls && (!a.needsPower || a.stalls <= power)
                && (!a.needsCooking || a.stalls <= cooking);
        }
    }

    static Free free(AllocationRun published, BazaarVenueDay vd) {
        int stalls = vd.stalls;
        int power = vd.powerStalls;
        int cooking = vd.cookingStalls;
        for (Assignment a : Assignment.<Assignment>list("runId = ?1 and venueId = ?2 and day = ?3", published.id,
                vd.venueId, vd.day)) {
            if (a.holdsStall()) {
                Application app = Application.findById(a.applicationId);
                stalls -= a.stalls;
                power -= app.needsPower ? a.stalls : 0;
                cooking -= app.needsCooking ? a.stalls : 0;
            }
        }
        for (WaitlistOffer o : WaitlistOffer.<WaitlistOffer>list("kind = ?1 and sourceBazaarId = ?2 and venueId = ?3 "
                + "and offeredFrom = ?4 and status = ?5", WaitlistOffer.Kind.RELEASED_STALL, vd.bazaarId, vd.venueId,
                vd.day, WaitlistOffer.Status.OPEN)) {
            Application app = Application.findById(o.applicationId);
            stalls -= o.stalls;
            power -= app.needsPower ? o.stalls : 0;
            cooking -= app.needsCooking ? o.stalls : 0;
        }
        return new Free(stalls, power, cooking);
    }

    @Transactional
    public Optional<WaitlistOffer> find(UUID id) {
        return WaitlistOffer.findByIdOptional(id);
    }

    @Transactional
    public List<WaitlistOffer> ofBusinesses(Set<UUID> businesses, Instant since) {
        return businesses.isEmpty() ? List.of()
            : WaitlistOffer.list("businessId in ?1 and status <> ?2 and updatedAt > ?3",
                Sort.by("updatedAt").and("id"), businesses, WaitlistOffer.Status.CANCELLED,
                since == null ? Instant.EPOCH : since);
    }

    @Transactional
    public List<WaitlistOffer> fromBazaar(UUID bazaarId) {
        return WaitlistOffer.list("sourceBazaarId", Sort.by("createdAt").and("id"), bazaarId);
    }

    /** She takes the offer: a freed stall becomes hers (if still free); a next-bazaar offer is acknowledged. */
    @Transactional
    public WaitlistOffer accept(UUID id) {
        WaitlistOffer o = WaitlistOffer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now(clock);
        if (o.status == WaitlistOffer.Status.OPEN && o.pastDeadline(now)) {
            throw new ProblemException(409, "offer-reply-late", Days.jalali(o.replyBy),
                java.time.LocalTime.ofInstant(o.replyBy, Tehran.ZONE).withSecond(0).withNano(0).toString(),
                Tehran.dayOf(o.replyBy).toString());
        }
        if (o.kind == WaitlistOffer.Kind.NEXT_BAZAAR) {
            o.decide(WaitlistOffer.Status.ACCEPTED, now);
            audit.record(AuditEvent.of("offer.accept", "waitlist-offer", id));
            return o;
        }
        AllocationRun published = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2",
            o.sourceBazaarId, AllocationRun.Status.PUBLISHED).firstResult();
        Application a = Application.findById(o.applicationId);
        if (published == null || a.status != Application.Status.SUBMITTED) {
            o.decide(WaitlistOffer.Status.CANCELLED, now);
            tombstones.record(FeedTombstones.OFFERS, o.id, o.businessId);
            throw new ProblemException(409, "offer-lapsed");
        }
        o.decide(WaitlistOffer.Status.ACCEPTED, now);
        Assignment s = new Assignment();
        s.id = UUID.randomUUID();
        s.runId = published.id;
        s.bazaarId = o.sourceBazaarId;
        s.applicationId = a.id;
        s.businessId = a.businessId;
        s.venueId = o.venueId;
        s.day = o.offeredFrom;
        s.stalls = o.stalls;
        int rank = a.rankOf(o.venueId);
        s.preferenceRank = rank < 0 ? null : (short) rank;
        s.reason = rank == 0 ? null : "FROM_WAITLIST";
        s.explanation = "{\"score\":null,\"constraints\":[],\"reason\":\"FROM_WAITLIST\"}";
        s.status = Assignment.Status.ASSIGNED;
        s.statusChangedAt = now;
        s.statusBy = "waitlist";
        s.persist();
        outbox.append(AllocationPublished.event(published.id, o.sourceBazaarId, a.businessId,
            Assignment.list("runId = ?1 and businessId = ?2", published.id, a.businessId), null));
        audit.record(AuditEvent.of("offer.accept", "waitlist-offer", id));
        return o;
    }

    /** She declines: a freed stall goes to the next on the waitlist. */
    @Transactional
    public WaitlistOffer decline(UUID id) {
        WaitlistOffer o = WaitlistOffer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        o.decide(WaitlistOffer.Status.DECLINED, Instant.now(clock));
        if (o.kind == WaitlistOffer.Kind.RELEASED_STALL) {
            AllocationRun published = AllocationRun.<AllocationRun>find("bazaarId = ?1 and status = ?2",
                o.sourceBazaarId, AllocationRun.Status.PUBLISHED).firstResult();
            if (published != null) {
                offerVenueDay(published, o.venueId, o.offeredFrom).ifPresent(next -> outbox.append(next.made()));
            }
        }
        audit.record(AuditEvent.of("offer.decline", "waitlist-offer", id));
        return o;
    }
}
