package ir.tehran.womenfamily.bazaar.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import ir.tehran.womenfamily.bazaar.allocation.AllocationRun;
import ir.tehran.womenfamily.bazaar.allocation.Assignment;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationProblem;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationWeights;
import ir.tehran.womenfamily.bazaar.allocation.solver.Applicant;
import ir.tehran.womenfamily.bazaar.allocation.solver.GreedyAllocator;
import ir.tehran.womenfamily.bazaar.allocation.solver.Placement;
import ir.tehran.womenfamily.bazaar.allocation.solver.ProblemBuilder;
import ir.tehran.womenfamily.bazaar.allocation.solver.VenueDay;
import ir.tehran.womenfamily.bazaar.allocation.VenueQuality;
import ir.tehran.womenfamily.bazaar.application.Application;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarService;
import ir.tehran.womenfamily.bazaar.bazaar.BazaarVenueDay;
import ir.tehran.womenfamily.bazaar.producer.Producer;
import ir.tehran.womenfamily.bazaar.sales.Footfall;
import ir.tehran.womenfamily.bazaar.sales.SalesReport;
import ir.tehran.womenfamily.bazaar.venue.Venue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Generates a plausible history of past bazaars for the producers this service knows, so that fairness
 * over twelve months has a record to weigh: closed bazaars (marked {@code historical}) allocated first come,
 * first served as they were, with attendance (about one in fifteen a no-show), sales in rials and visitors.
 *
 * <p>Synthetic data for tests and benchmarks only: it is test code, never part of the service's artefact.
 */
@ApplicationScoped
public class HistoryGenerator {

    @Inject
    BazaarService bazaars;

    @Inject
    Clock clock;

    @Inject
    jakarta.persistence.EntityManager em;

    /** What was generated. */
    public record Summary(int bazaars, int applications, int stallDays, long salesRials, LocalDate from,
            LocalDate to) {
    }

    /** One venue on one day. */
    private record VenueDate(UUID venueId, LocalDate day) {
    }

    /** {@code count} past bazaars ending before {@code endingBefore}; refused when a history exists. */
    @Transactional(value = Transactional.TxType.REQUIRED)
    public Summary generate(int count, long seed, LocalDate endingBefore) {
        if (Bazaar.count("historical", true) > 0) {
            throw new IllegalStateException("the bazaar history was already generated");
        }
        List<Producer> producers = Producer.list("status = ?1 and kind = ?2", Producer.Status.ACTIVE,
            Producer.Kind.BUSINESS);
        if (producers.isEmpty()) {
            throw new IllegalStateException("no business has reached this service from the registry yet");
        }
        producers.sort((a, b) -> a.businessId.compareTo(b.businessId));
        List<Venue> venues = Venue.list("kind in ?1", List.of(Venue.Kind.PARK, Venue.Kind.METRO_STATION));
        venues.sort((a, b) -> a.code.compareTo(b.code));
        Map<UUID, Venue> byId = new HashMap<>();
        venues.forEach(v -> byId.put(v.id, v));
        Random r = new Random(seed);
        Map<UUID, Double> appeal = new HashMap<>();
        venues.forEach(v -> appeal.put(v.id, 0.5 + r.nextDouble()));
        Instant now = Instant.now(clock);
        int applications = 0;
        int stallDays = 0;
        long sales = 0;
        List<HistoryPlan.Planned> plan = HistoryPlan.plan(venues.stream()
            .map(v -> new HistoryPlan.VenueInfo(v.id, v.district)).toList(), endingBefore, count, seed);
        for (HistoryPlan.Planned p : plan) {
            Bazaar b = new Bazaar();
            b.id = UUID.randomUUID();
            b.kind = p.kind();
            b.occasion = p.occasion();
            b.nameFa = p.nameFa();
            b.nameEn = p.nameEn();
            b.startDate = p.start();
            b.endDate = p.end();
            b.applicationsOpen = p.start().minusDays(30);
            b.applicationsClose = p.start().minusDays(1);
            b.status = Bazaar.Status.CLOSED;
            b.historical = true;
            b.createdBy = "history-generator";
            b.createdAt = now;
            b.updatedAt = now;
            b.persist();
            List<BazaarService.VenuePlan> plans = new ArrayList<>();
            for (UUID v : p.venues()) {
                plans.add(new BazaarService.VenuePlan("venues", v, 25, null, null, null, b.days()));
            }
            List<BazaarVenueDay> days = bazaars.offerVenues(b, plans, false);
            if (days.isEmpty()) {
                b.delete();
                continue;
            }
            int capacity = days.stream().mapToInt(d -> d.stalls).sum();
            int wanted = Math.min(producers.size(), Math.max(3, capacity / Math.max(1, b.days().size())
                * 13 / 10));
            List<Producer> applicants = new ArrayList<>(producers);
            java.util.Collections.shuffle(applicants, r);
            applicants = applicants.subList(0, wanted);
            AllocationRun run = new AllocationRun();
            run.id = UUID.randomUUID();
            run.bazaarId = b.id;
            run.method = AllocationRun.Method.GREEDY;
            run.status = AllocationRun.Status.PUBLISHED;
            run.seed = seed;
            run.timeLimitMs = 0;
            run.createdBy = "history-generator";
            run.startedAt = now;
            run.finishedAt = now;
            run.persist();
            List<ProblemBuilder.Request> requests = new ArrayList<>();
            for (Producer producer : applicants) {
                List<UUID> prefs = new ArrayList<>(p.venues());
                java.util.Collections.shuffle(prefs, r);
                prefs = prefs.subList(0, Math.min(3, prefs.size()));
                List<LocalDate> mine = b.days().stream().filter(d -> r.nextDouble() < 0.7).toList();
                if (mine.isEmpty()) {
                    mine = List.of(b.startDate);
                }
                int stalls = r.nextDouble() < 0.15 ? 2 : 1;
                Instant submitted = b.applicationsOpen.atStartOfDay().toInstant(ZoneOffset.UTC)
                    .plus(Duration.ofMinutes(r.nextInt(60 * 24 * 29)));
                Application a = Application.submit(b.id, producer.businessId, prefs, mine, stalls, false, false,
                    submitted);
                a.persist();
                applications++;
                requests.add(new ProblemBuilder.Request(new Applicant(a.id, producer.businessId, producer.ownerId,
                    producer.category, producer.district == null ? null : (int) producer.district,
                    producer.headsHousehold, a.stalls, false, false, prefs, 0, 0, false, a.submittedAt), mine));
            }
            List<VenueDay> venueDays = days.stream().map(d -> new VenueDay(d.venueId, d.day, d.stalls, d.powerStalls,
                d.cookingStalls, 25, 0.5, 35.7, 51.4)).toList();
            AllocationProblem solved = GreedyAllocator.allocate(ProblemBuilder.build(venueDays, requests, List.of(),
                AllocationWeights.defaults()));
            java.util.Set<VenueDate> usedVenueDays = new java.util.TreeSet<>(java.util.Comparator
                .comparing((VenueDate v) -> v.venueId().toString()).thenComparing(VenueDate::day));
            for (Placement pl : solved.getPlacements()) {
                if (pl.getVenueDay() == null) {
                    continue;
                }
                Assignment s = new Assignment();
                s.id = UUID.randomUUID();
                s.runId = run.id;
                s.bazaarId = b.id;
                s.applicationId = pl.getApplicant().getApplicationId();
                s.businessId = pl.getApplicant().getBusinessId();
                s.venueId = pl.getVenueDay().getVenueId();
                s.day = pl.getDay();
                s.stalls = (short) pl.getApplicant().getStalls();
                int rank = pl.rank();
                s.preferenceRank = rank < 0 ? null : (short) rank;
                s.explanation = "{\"score\":null,\"constraints\":[],\"reason\":\"HISTORY\"}";
                s.status = r.nextDouble() < 0.07 ? Assignment.Status.NO_SHOW : Assignment.Status.CONFIRMED;
                s.statusBy = "history-generator";
                s.statusChangedAt = now;
                s.persist();
                stallDays += s.stalls;
                double factor = appeal.get(s.venueId) * seasonFactor(s.day);
                if (s.status == Assignment.Status.CONFIRMED) {
                    SalesReport sr = new SalesReport();
                    sr.bazaarId = b.id;
                    sr.businessId = s.businessId;
                    sr.day = s.day;
                    sr.amountRials = Math.round(Math.exp(r.nextGaussian() * 0.5) * 25_000_000 * factor * s.stalls
                        / 100_000) * 100_000;
                    sr.reportedAt = now;
                    sr.persist();
                    sales += sr.amountRials;
                }
                usedVenueDays.add(new VenueDate(s.venueId, s.day));
            }
            for (VenueDate used : usedVenueDays) {
                UUID venue = used.venueId();
                Footfall f = new Footfall();
                f.bazaarId = b.id;
                f.venueId = venue;
                f.day = used.day();
                Venue v = byId.get(venue);
                double base = v.kind == Venue.Kind.METRO_STATION ? 2500 : 1200;
                f.visitors = (int) Math.round(base * appeal.get(venue) * seasonFactor(f.day)
                    * Math.exp(r.nextGaussian() * 0.3));
                f.reportedBy = "history-generator";
                f.reportedAt = now;
                f.persist();
            }
            // keep the persistence context small: each query would otherwise dirty-check everything so far
            em.flush();
            em.clear();
        }
        int made = (int) Bazaar.count("historical", true);
        return new Summary(made, applications, stallDays, sales, plan.isEmpty() ? null : plan.get(0).start(),
            plan.isEmpty() ? null : plan.get(plan.size() - 1).end());
    }

    /** Sales and visitors swell before Nowruz and on Yalda, and ebb in high summer. */
    static double seasonFactor(LocalDate day) {
        int month = ir.tehran.womenfamily.support.jalali.JalaliDate.of(day).month();
        return switch (VenueQuality.season(day)) {
            case 3 -> month == 12 ? 1.6 : 1.1;
            case 2 -> month == 9 ? 1.3 : 1.0;
            case 1 -> 0.8;
            default -> 1.0;
        };
    }
}
