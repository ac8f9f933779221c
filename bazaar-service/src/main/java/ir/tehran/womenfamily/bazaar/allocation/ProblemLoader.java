package ir.tehran.womenfamily.bazaar.allocation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationProblem;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationWeights;
import ir.tehran.womenfamily.bazaar.allocation.solver.Applicant;
import ir.tehran.womenfamily.bazaar.allocation.solver.ProblemBuilder;
import ir.tehran.womenfamily.bazaar.allocation.solver.VenueDay;
import ir.tehran.womenfamily.bazaar.allocation.solver.WaitlistPlanner;
import ir.tehran.womenfamily.bazaar.application.Application;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenue;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.bazaar.offer.WaitlistOffer;
import ir.tehran.womenfamily.bazaar.producer.Producer;
import ir.tehran.womenfamily.bazaar.venue.Venue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads one bazaar's allocation problem from the database: venue-days, applicants, fairness, pins. */
@ApplicationScoped
public class ProblemLoader {

    @Inject
    FairnessHistory history;

    /** The problem, and what the waitlist needs: the bazaar's last day and the bazaars still to come. */
    public record Loaded(AllocationProblem problem, LocalDate bazaarEnd, List<WaitlistPlanner.ComingBazaar> coming) {
    }

    /** One day of one application. */
    private record ApplicationDay(UUID applicationId, LocalDate day) {
    }

    /** Must run inside a transaction. Reads the fairness record (venue quality) once. */
    public Loaded load(Bazaar bazaar, UUID basedOnRun, AllocationWeights weights) {
        VenueQuality quality = history.quality(bazaar.startDate);
        List<VenueDay> venueDays = venueDays(bazaar, quality);
        List<Application> applications = Application.list("bazaarId = ?1 and status = ?2", bazaar.id,
            Application.Status.SUBMITTED);
        Map<UUID, Producer> producers = applications.isEmpty() ? Map.of()
            : Producer.<Producer>list("businessId in ?1", applications.stream().map(a -> a.businessId).toList())
                .stream().collect(Collectors.toMap(p -> p.businessId, Function.identity()));
        Map<UUID, FairnessHistory.Past> past = history.past(producers.keySet(), bazaar.startDate, quality);
        Set<UUID> guaranteed = new HashSet<>(WaitlistOffer.<WaitlistOffer>list(
                "kind = ?1 and targetBazaarId = ?2 and status in ?3", WaitlistOffer.Kind.NEXT_BAZAAR, bazaar.id,
                List.of(WaitlistOffer.Status.OPEN, WaitlistOffer.Status.ACCEPTED, WaitlistOffer.Status.USED))
            .stream().map(o -> o.businessId).toList());
        // a day she did not come to is not hers to be allocated again when re-solving
        Set<ApplicationDay> noShows = new HashSet<>();
        if (basedOnRun != null) {
            Assignment.<Assignment>list("runId = ?1 and status = ?2", basedOnRun, Assignment.Status.NO_SHOW)
                .forEach(s -> noShows.add(new ApplicationDay(s.applicationId, s.day)));
        }
        List<ProblemBuilder.Request> requests = new ArrayList<>();
        for (Application a : applications) {
            Producer p = producers.get(a.businessId);
            if (p == null || !p.mayApply()) {
                continue;
            }
            FairnessHistory.Past hers = past.getOrDefault(a.businessId, new FairnessHistory.Past(0, 0));
            Applicant applicant = new Applicant(a.id, a.businessId, p.ownerId, p.category,
                p.district == null ? null : (int) p.district, p.headsHousehold, a.stalls, a.needsPower, a.needsCooking,
                a.venuePreferences, hers.opportunities(), hers.good(), guaranteed.contains(a.businessId),
                a.submittedAt);
            List<LocalDate> days = a.days.stream().filter(d -> !noShows.contains(new ApplicationDay(a.id, d)))
                .toList();
            if (!days.isEmpty()) {
                requests.add(new ProblemBuilder.Request(applicant, days));
            }
        }
        List<ProblemBuilder.Pin> pins = new ArrayList<>();
        if (basedOnRun != null) {
            for (Assignment s : Assignment.<Assignment>list("runId = ?1 and status in ?2", basedOnRun,
                    List.of(Assignment.Status.ASSIGNED, Assignment.Status.CONFIRMED))) {
                pins.add(new ProblemBuilder.Pin(s.applicationId, s.day, s.venueId));
            }
        }
        return new Loaded(ProblemBuilder.build(venueDays, requests, pins, weights), bazaar.endDate, coming(bazaar));
    }

    /** The bazaar's venue-days, each with its venue's quality in that season. */
    List<VenueDay> venueDays(Bazaar bazaar, VenueQuality quality) {
        Map<UUID, BazaarVenue> caps = BazaarVenue.<BazaarVenue>list("bazaarId", bazaar.id).stream()
            .collect(Collectors.toMap(v -> v.venueId, Function.identity()));
        Map<UUID, Venue> venues = caps.isEmpty() ? Map.of() : Venue.<Venue>list("id in ?1", caps.keySet()).stream()
            .collect(Collectors.toMap(v -> v.id, Function.identity()));
        List<VenueDay> out = new ArrayList<>();
        for (BazaarVenueDay d : BazaarVenueDay.ofBazaar(bazaar.id)) {
            Venue v = venues.get(d.venueId);
            out.add(new VenueDay(d.venueId, d.day, d.stalls, d.powerStalls, d.cookingStalls,
                caps.get(d.venueId).categoryCapPercent, quality.of(d.venueId, d.day),
                v.latitude == null ? 35.7 : v.latitude.doubleValue(), v.longitude == null ? 51.4
                    : v.longitude.doubleValue()));
        }
        return out;
    }

    /** Bazaars after this one that can still take applications: draft or open. */
    public List<WaitlistPlanner.ComingBazaar> coming(Bazaar bazaar) {
        List<Bazaar> later = Bazaar.list("startDate > ?1 and status in ?2 and historical = false", bazaar.endDate,
            List.of(Bazaar.Status.DRAFT, Bazaar.Status.OPEN));
        if (later.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<Integer>> districts = new HashMap<>();
        List<Object[]> rows = Venue.getEntityManager().createQuery(
                "select bv.bazaarId, v.district from BazaarVenue bv, "
                + "Venue v where v.id = bv.venueId and bv.bazaarId in :ids", Object[].class)
            .setParameter("ids", later.stream().map(b -> b.id).toList()).getResultList();
        for (Object[] r : rows) {
            districts.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add(((Number) r[1]).intValue());
        }
        return later.stream().map(b -> new WaitlistPlanner.ComingBazaar(b.id, b.startDate, b.endDate,
            districts.getOrDefault(b.id, Set.of()))).toList();
    }
}
