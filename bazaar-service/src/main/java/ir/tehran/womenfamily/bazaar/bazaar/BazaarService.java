package ir.tehran.womenfamily.bazaar.bazaar;

import ir.tehran.womenfamily.support.audit.Audit;
import ir.tehran.womenfamily.support.audit.AuditEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;
import ir.tehran.womenfamily.bazaar.common.FeedTombstones;
import ir.tehran.womenfamily.bazaar.venue.Venue;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.jalali.Days;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;
import ir.tehran.womenfamily.support.time.Tehran;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class BazaarService {

    @Inject
    Audit audit;

    @Inject
    Outbox outbox;

    @Inject
    VenueBookings bookings;

    @Inject
    Event<BazaarOpened> opened;

    @Inject
    Event<VenuesChanged> venuesChanged;

    @Inject
    Clock clock;

    @Inject
    FeedTombstones tombstones;

    /** A bazaar with its venues and days, loaded together. */
    public record Loaded(Bazaar bazaar, List<BazaarVenue> venues, List<BazaarVenueDay> days,
            Map<UUID, Venue> venueById) {

        public BazaarDtos.BazaarView view() {
            return BazaarDtos.BazaarView.of(bazaar, venues, days, venueById);
        }
    }

    /** Fired when a bazaar opens, so that waitlist offers still without a date can be given one. */
    public record BazaarOpened(UUID bazaarId) {
    }

    @Transactional
    public Loaded create(BazaarDtos.CreateBazaar r, String by) {
        LocalDate start = DateInput.present("startDate", r.startDate());
        LocalDate end = DateInput.present("endDate", r.endDate());
        LocalDate open = r.applicationsOpen();
        LocalDate close = r.applicationsClose();
        if (end.isBefore(start)) {
            throw ProblemException.invalid("endDate", "validation.end-before-start");
        }
        if (end.isAfter(start.plusDays(366))) {
            throw ProblemException.invalid("endDate", "validation.too-long");
        }
        LocalDate today = Tehran.today(clock);
        open = open == null ? today : open;
        close = close == null ? start.minusDays(1) : close;
        if (close.isAfter(start)) {
            throw ProblemException.invalid("applicationsClose", "validation.window-after-start");
        }
        if (close.isBefore(open)) {
            throw ProblemException.invalid("applicationsClose", "validation.end-before-start");
        }
        if (r.occasion() != null && r.kind() != Bazaar.Kind.OCCASION) {
            throw ProblemException.invalid("occasion", "validation.occasion-only-for-occasions");
        }
        if (r.kind() == Bazaar.Kind.OCCASION) {
            if (r.occasion() == null) {
                throw ProblemException.invalid("occasion", "validation.required");
            }
            if (Occasion.findById(r.occasion()) == null) {
                throw ProblemException.invalid("occasion", "validation.unknown-occasion");
            }
        }
        Instant now = Instant.now(clock);
        Bazaar b = new Bazaar();
        b.id = UUID.randomUUID();
        b.kind = r.kind();
        b.occasion = r.occasion();
        b.nameFa = PersianText.normalize(r.nameFa());
        b.nameEn = r.nameEn().strip();
        b.startDate = start;
        b.endDate = end;
        b.applicationsOpen = open;
        b.applicationsClose = close;
        b.status = Bazaar.Status.DRAFT;
        b.createdBy = by;
        b.createdAt = now;
        b.updatedAt = now;
        b.persist();
        List<VenuePlan> plans = new ArrayList<>();
        for (int i = 0; i < r.venues().size(); i++) {
            BazaarDtos.VenueOffer o = r.venues().get(i);
            plans.add(plan(b, "venues[" + i + "]", o.venueId(), o.categoryCapPercent(), o.stallsPerDay(),
                o.powerStallsPerDay(), o.cookingStallsPerDay(), o.days()));
        }
        offerVenues(b, plans, true);
        Loaded loaded = load(b.id).orElseThrow();
        audit.record(AuditEvent.of("bazaar.create", "bazaar", b.id));
        return loaded;
    }

    private static VenuePlan plan(Bazaar b, String field, UUID venueId, Integer categoryCapPercent, Integer stalls,
            Integer power, Integer cooking, List<String> dayTexts) {
        List<LocalDate> days = new ArrayList<>();
        if (dayTexts == null || dayTexts.isEmpty()) {
            days.addAll(b.days());
        } else {
            for (int j = 0; j < dayTexts.size(); j++) {
                LocalDate d = DateInput.required(path(field, "days[" + j + "]"), dayTexts.get(j));
                if (!b.covers(d)) {
                    throw ProblemException.invalid(path(field, "days[" + j + "]"), "validation.day-outside-bazaar");
                }
                days.add(d);
            }
        }
        return new VenuePlan(field, venueId, categoryCapPercent == null ? 25 : categoryCapPercent, stalls, power,
            cooking, List.copyOf(new LinkedHashSet<>(days)));
    }

    /** A field's path in the request: {@code venues[2].stallsPerDay} at creation, {@code stallsPerDay} alone. */
    private static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** Statuses in which a bazaar's venues may still change: nothing has been promised to a producer yet. */
    private static final Set<Bazaar.Status> VENUES_EDITABLE = Set.of(Bazaar.Status.DRAFT, Bazaar.Status.OPEN,
        Bazaar.Status.ALLOCATING);

    /** What a change of a bazaar's venues did. */
    public record VenueEdit(Loaded bazaar, boolean added) {
    }

    /**
     * Adds a venue to a planned bazaar, or changes what it offers (stalls per day, days, category cap). The
     * venue's stalls are booked as at creation, never beyond what it has free on each day (409 otherwise).
     */
    @Transactional
    public VenueEdit putVenue(UUID bazaarId, UUID venueId, BazaarDtos.VenueChange r, long version) {
        Bazaar b = editable(bazaarId, version);
        boolean existed = BazaarVenue.count("bazaarId = ?1 and venueId = ?2", bazaarId, venueId) > 0;
        if (existed) {
            BazaarVenueDay.delete("bazaarId = ?1 and venueId = ?2", bazaarId, venueId);
            BazaarVenue.delete("bazaarId = ?1 and venueId = ?2", bazaarId, venueId);
        }
        BazaarDtos.VenueChange c = r == null ? new BazaarDtos.VenueChange(null, null, null, null, null) : r;
        List<BazaarVenueDay> booked = offerVenues(b, List.of(plan(b, "", venueId, c.categoryCapPercent(),
            c.stallsPerDay(), c.powerStallsPerDay(), c.cookingStallsPerDay(), c.days())), true);
        if (booked.isEmpty()) {
            throw ProblemException.invalid("days", "validation.required");
        }
        changed(b, existed ? null : venueId, null);
        return new VenueEdit(load(bazaarId).orElseThrow(), !existed);
    }

    /**
     * Takes a venue out of a planned bazaar: its stalls are freed for other bazaars, applicants who ranked it keep
     * their other preferences in order. A bazaar keeps at least one venue.
     */
    @Transactional
    public Loaded removeVenue(UUID bazaarId, UUID venueId, Long version) {
        Bazaar b = editable(bazaarId, version);
        if (BazaarVenue.count("bazaarId = ?1 and venueId = ?2", bazaarId, venueId) == 0) {
            throw ProblemException.notFound("bazaar-venue", venueId);
        }
        if (BazaarVenue.count("bazaarId", bazaarId) == 1) {
            throw ProblemException.conflict("last-venue");
        }
        BazaarVenueDay.delete("bazaarId = ?1 and venueId = ?2", bazaarId, venueId);
        BazaarVenue.delete("bazaarId = ?1 and venueId = ?2", bazaarId, venueId);
        changed(b, null, venueId);
        return load(bazaarId).orElseThrow();
    }

    /** The bazaar, locked, whose venues may change; 412 unless it is at the version the client read. */
    private Bazaar editable(UUID bazaarId, Long version) {
        Bazaar b = Bazaar.findById(bazaarId, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw ProblemException.notFound("bazaar", bazaarId);
        }
        if (version != null && b.version != version) {
            throw ProblemException.preconditionFailed();
        }
        if (b.historical || !VENUES_EDITABLE.contains(b.status)) {
            throw ProblemException.conflict("venues-frozen", b.status.name());
        }
        return b;
    }

    /**
     * After a change of venues: observers drop unpublished allocations (they were solved for other stalls) and
     * strip a removed venue from applications; an open bazaar is announced again with its venues as they are now.
     */
    private void changed(Bazaar b, UUID added, UUID removed) {
        venuesChanged.fire(new VenuesChanged(b.id, added, removed));
        b.updatedAt = Instant.now(clock);
        // written now so that the answer carries the new version as its ETag
        Bazaar.flush();
        if (b.status == Bazaar.Status.OPEN) {
            outbox.append(DomainEvent.of(Bazaar.AGGREGATE, b.id, "bazaar.published", 1,
                BazaarDtos.BazaarPublished.of(b, BazaarVenueDay.ofBazaar(b.id))));
        }
    }

    /** The venues of a planned bazaar changed (a venue added or removed, or what one offers). */
    public record VenuesChanged(UUID bazaarId, UUID addedVenue, UUID removedVenue) {
    }

    /** One venue's part in a bazaar before it is checked against the venue's free stalls. */
    public record VenuePlan(String field, UUID venueId, int categoryCapPercent, Integer stalls, Integer powerStalls,
            Integer cookingStalls, List<LocalDate> days) {
    }

    /**
     * Books the venues' stalls for the bazaar. With {@code strict}, asking for more than a venue has free on a
     * day is a 409; without it (series), each day gets what is free and a day with nothing free is skipped.
     * Returns the venue-days booked.
     */
    public List<BazaarVenueDay> offerVenues(Bazaar b, List<VenuePlan> plans, boolean strict) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (VenuePlan p : plans) {
            if (!ids.add(p.venueId())) {
                throw ProblemException.invalid(path(p.field(), "venueId"), "validation.duplicate");
            }
        }
        Map<UUID, Venue> venues = Venue.<Venue>list("id in ?1", ids).stream()
            .collect(Collectors.toMap(v -> v.id, Function.identity()));
        Map<VenueBookings.VenueDay, Integer> booked = bookings.booked(ids, b.startDate, b.endDate);
        List<BazaarVenueDay> out = new ArrayList<>();
        for (VenuePlan p : plans) {
            Venue v = venues.get(p.venueId());
            if (v == null) {
                throw ProblemException.invalid(path(p.field(), "venueId"), "validation.unknown-venue");
            }
            int stalls = p.stalls() == null ? v.totalStalls() : p.stalls();
            int power = p.powerStalls() == null ? Math.min(v.powerStalls(), stalls) : p.powerStalls();
            int cooking = p.cookingStalls() == null ? Math.min(v.cookingStalls(), power) : p.cookingStalls();
            if (stalls > v.totalStalls()) {
                throw ProblemException.invalid(path(p.field(), "stallsPerDay"), "validation.more-than-venue-has",
                    v.totalStalls());
            }
            if (power > Math.min(stalls, v.powerStalls())) {
                throw ProblemException.invalid(path(p.field(), "powerStallsPerDay"), "validation.more-than-venue-has",
                    Math.min(stalls, v.powerStalls()));
            }
            if (cooking > Math.min(power, v.cookingStalls())) {
                throw ProblemException.invalid(path(p.field(), "cookingStallsPerDay"), "validation.more-than-venue-has",
                    Math.min(power, v.cookingStalls()));
            }
            List<BazaarVenueDay> venueDays = new ArrayList<>();
            for (LocalDate day : p.days()) {
                int free = v.totalStalls() - booked.getOrDefault(new VenueBookings.VenueDay(v.id, day), 0);
                int offered = Math.min(stalls, free);
                if (offered < stalls && strict) {
                    throw new ProblemException(409, "venue-double-booked", v.nameFa, Days.jalali(day), free);
                }
                if (offered <= 0) {
                    continue;
                }
                BazaarVenueDay d = new BazaarVenueDay();
                d.bazaarId = b.id;
                d.venueId = v.id;
                d.day = day;
                d.stalls = offered;
                d.powerStalls = Math.min(power, offered);
                d.cookingStalls = Math.min(cooking, d.powerStalls);
                venueDays.add(d);
            }
            if (venueDays.isEmpty()) {
                continue;
            }
            BazaarVenue bv = new BazaarVenue();
            bv.bazaarId = b.id;
            bv.venueId = v.id;
            bv.categoryCapPercent = (short) p.categoryCapPercent();
            bv.persist();
            venueDays.forEach(d -> d.persist());
            out.addAll(venueDays);
        }
        return out;
    }

    @Transactional
    public Optional<Loaded> load(UUID id) {
        Bazaar b = Bazaar.findById(id);
        if (b == null) {
            return Optional.empty();
        }
        List<BazaarVenue> venues = BazaarVenue.list("bazaarId", Sort.by("venueId"), id);
        List<BazaarVenueDay> days = BazaarVenueDay.ofBazaar(id);
        Map<UUID, Venue> byId = new HashMap<>();
        if (!venues.isEmpty()) {
            Venue.<Venue>list("id in ?1", venues.stream().map(v -> v.venueId).toList())
                .forEach(v -> byId.put(v.id, v));
        }
        List<BazaarVenue> sorted = new ArrayList<>(venues);
        sorted.sort((x, y) -> byId.get(x.venueId).code.compareTo(byId.get(y.venueId).code));
        return Optional.of(new Loaded(b, sorted, days, byId));
    }

    @Transactional
    public List<Bazaar> list(Bazaar.Status status, LocalDate from, LocalDate to, boolean includeHistorical) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (from != null) {
            q.append(" and endDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            q.append(" and startDate <= :to");
            params.put("to", to);
        }
        if (!includeHistorical) {
            q.append(" and historical = false");
        }
        return Bazaar.list(q.toString(), Sort.by("startDate").and("nameEn"), params);
    }

    /** Moves a bazaar along its lifecycle; its checks beyond the lifecycle are the caller's. */
    @Transactional
    public Loaded transition(UUID id, Bazaar.Status to, TransitionGuard guard) {
        Bazaar b = Bazaar.findById(id);
        if (b == null) {
            throw ProblemException.notFound("bazaar", id);
        }
        guard.check(b, to);
        outbox.append(b.moveTo(to, BazaarVenueDay.ofBazaar(id), Instant.now(clock)));
        if (to == Bazaar.Status.OPEN) {
            opened.fire(new BazaarOpened(id));
        }
        if (to == Bazaar.Status.CLOSED) {
            // it leaves the public calendar: a phone that synced it is told to drop it
            tombstones.record(FeedTombstones.CALENDAR, id, null);
        }
        Loaded loaded = load(id).orElseThrow();
        audit.record(AuditEvent.of("bazaar.transition", "bazaar", id).withDetail(to));
        return loaded;
    }

    /** A check a move needs beyond the lifecycle (publishing needs a solved allocation). */
    @FunctionalInterface
    public interface TransitionGuard {
        void check(Bazaar bazaar, Bazaar.Status to);
    }

    @Transactional
    public List<Occasion> occasions() {
        return Occasion.listAll(Sort.by("code"));
    }

    @Transactional
    public java.util.Optional<Occasion> occasion(String code) {
        return Occasion.findByIdOptional(code);
    }

    @Transactional
    public Occasion addOccasion(BazaarResource.OccasionInput r) {
        if (Occasion.findById(r.code()) != null) {
            throw ProblemException.conflict("occasion-exists", r.code());
        }
        Occasion o = new Occasion();
        o.code = r.code();
        o.nameFa = PersianText.normalize(r.nameFa());
        o.nameEn = r.nameEn().strip();
        o.persist();
        audit.record(AuditEvent.of("occasion.create", "occasion", null));
        return o;
    }
}
