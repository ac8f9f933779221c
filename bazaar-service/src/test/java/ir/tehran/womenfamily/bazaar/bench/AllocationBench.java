package ir.tehran.womenfamily.bazaar.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationEngine;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationProblem;
import ir.tehran.womenfamily.bazaar.allocation.solver.AllocationWeights;
import ir.tehran.womenfamily.bazaar.allocation.solver.Applicant;
import ir.tehran.womenfamily.bazaar.allocation.solver.Districts;
import ir.tehran.womenfamily.bazaar.allocation.solver.GreedyAllocator;
import ir.tehran.womenfamily.bazaar.allocation.solver.Placement;
import ir.tehran.womenfamily.bazaar.allocation.solver.ProblemBuilder;
import ir.tehran.womenfamily.bazaar.allocation.solver.SolveOptions;
import ir.tehran.womenfamily.bazaar.allocation.solver.VenueDay;
import ir.tehran.womenfamily.bazaar.fixture.TwentiethExhibition;
import ir.tehran.womenfamily.bazaar.history.HistoryPlan;
import ir.tehran.womenfamily.support.taxonomy.Category;

/**
 * Benchmarks of the allocation (run by {@code bench/bazaar/allocation.sh}, not by the test suite):
 * <ul>
 * <li>{@code exhibition}: the 20th exhibition at real scale (864 applicants, 20 venues, 10 days): the time to
 * the first feasible allocation and the best score at 10, 30 and 60 seconds;</li>
 * <li>{@code year}: a year of 48 bazaars for a population of 864 producers, allocated one after the other by
 * the solver (with twelve-month fairness and waitlist guarantees) and by the first-come greedy baseline on
 * the same applications, with the fairness figures of both.</li>
 * </ul>
 */
public final class AllocationBench {

    private AllocationBench() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "exhibition";
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1402L;
        if ("exhibition".equals(mode)) {
            exhibition(seed, args.length > 2 ? Integer.parseInt(args[2]) : 60);
        } else if ("year".equals(mode)) {
            year(seed, args.length > 2 ? Integer.parseInt(args[2]) : 1);
        } else {
            throw new IllegalArgumentException("mode: exhibition | year");
        }
    }

    static void exhibition(long seed, int seconds) {
        AllocationProblem problem = TwentiethExhibition.problem(seed);
        System.out.printf("20th exhibition: %d applicants, %d placements (applicant-days), %d venue-days%n",
            problem.getApplicants().size(), problem.getPlacements().size(), problem.getVenueDays().size());
        long constructionStarted = System.nanoTime();
        AllocationProblem constructed = AllocationEngine.plain().solve(TwentiethExhibition.problem(seed),
            new SolveOptions(Duration.ofSeconds(seconds), 1L, seed), null);
        System.out.printf("construction heuristic alone (complete, no hard constraint broken): %d ms, score %s%n",
            (System.nanoTime() - constructionStarted) / 1_000_000, constructed.getScore());
        List<long[]> improvements = new ArrayList<>();
        List<HardMediumSoftLongScore> scores = new ArrayList<>();
        long started = System.nanoTime();
        AllocationProblem solved = AllocationEngine.plain().solve(problem,
            new SolveOptions(Duration.ofSeconds(seconds), null, seed), p -> {
                improvements.add(new long[] {(System.nanoTime() - started) / 1_000_000});
                scores.add(p.bestScore());
            });
        long total = (System.nanoTime() - started) / 1_000_000;
        for (int t : new int[] {10, 30, 60}) {
            HardMediumSoftLongScore best = null;
            for (int i = 0; i < improvements.size(); i++) {
                if (improvements.get(i)[0] <= t * 1000L) {
                    best = scores.get(i);
                }
            }
            System.out.printf("best score at %2d s: %s%n", t, best);
        }
        long placed = solved.getApplicants().stream().filter(a -> solved.getPlacements().stream()
            .anyMatch(p -> p.getApplicant() == a && p.getVenueDay() != null)).count();
        System.out.printf("final: %s after %d ms; %d of %d applicants placed, %d waitlisted with a dated offer%n",
            solved.getScore(), total, placed, solved.getApplicants().size(), solved.getApplicants().size() - placed);
    }

    /** One of the 864 producers of the simulated year. */
    record Producer(UUID id, int district, String category, boolean head, boolean power, boolean cooking,
            int stalls, double activity) {
    }

    static void year(long seed, int secondsPerBazaar) {
        Random r = new Random(seed);
        List<TwentiethExhibition.Venue> venues = TwentiethExhibition.venues();
        Map<UUID, Double> quality = new HashMap<>();
        venues.forEach(v -> quality.put(v.id(), "PARK".equals(v.kind()) ? 0.4 + r.nextDouble() * 0.6
            : r.nextDouble() * 0.8));
        List<Producer> population = new ArrayList<>();
        Category[] categories = Category.values();
        for (int i = 0; i < 864; i++) {
            Category c = categories[(int) Math.min(categories.length - 1, Math.abs(r.nextGaussian()) * 5)];
            boolean cooking = c == Category.DRIED_FRUIT_NUTS_FOOD && r.nextDouble() < 0.4;
            population.add(new Producer(new UUID(seed, i), 1 + r.nextInt(22), c.code(), r.nextDouble() < 0.75,
                cooking || r.nextDouble() < 0.15, cooking, r.nextDouble() < 0.2 ? 2 : 1,
                Math.exp(r.nextGaussian())));
        }
        List<HistoryPlan.Planned> plan = HistoryPlan.plan(venues.stream()
            .map(v -> new HistoryPlan.VenueInfo(v.id(), v.district())).toList(), LocalDate.of(2025, 3, 21), 48, seed);
        Map<UUID, TwentiethExhibition.Venue> venueById = new HashMap<>();
        venues.forEach(v -> venueById.put(v.id(), v));

        // the same applications for both allocators
        List<List<Request>> applications = new ArrayList<>();
        for (HistoryPlan.Planned p : plan) {
            applications.add(applicationsFor(p, population, venueById, r));
        }
        System.out.printf("year: %d bazaars from %s to %s, %d applications from %d producers%n", plan.size(),
            plan.get(0).start(), plan.get(plan.size() - 1).end(),
            applications.stream().mapToInt(List::size).sum(), population.size());
        Result greedy = simulate(plan, applications, venueById, quality, false, 0, seed);
        Result solver = simulate(plan, applications, venueById, quality, true, secondsPerBazaar, seed);
        System.out.println();
        System.out.println("| figure (12 months, 48 bazaars) | first-come greedy | Timefold solver |");
        System.out.println("|---|---|---|");
        row("producers who applied", greedy.applied(), solver.applied());
        rowPct("share with at least 1 opportunity", greedy.atLeastOne(), solver.atLeastOne());
        rowPct("share with at least 1 good opportunity", greedy.atLeastOneGood(), solver.atLeastOneGood());
        rowPct("share with 1-2 good opportunities", greedy.oneOrTwoGood(), solver.oneOrTwoGood());
        System.out.printf("| Gini of opportunities per producer | %.3f | %.3f |%n", greedy.gini(), solver.gini());
        rowPct("share of stall-days at her first choice", greedy.firstChoice(), solver.firstChoice());
        row("turned away (applied, never placed, no dated offer)", greedy.turnedAway(), solver.turnedAway());
        row("applications waitlisted (each with a dated offer when solved)", greedy.unplacedApplications(),
            solver.unplacedApplications());
        row("hard constraints broken", greedy.hardBroken(), solver.hardBroken());
        System.out.printf("| wall time for the year | %.1f s | %.1f s |%n", greedy.seconds(), solver.seconds());
    }

    record Request(Producer producer, List<UUID> preferences, List<LocalDate> days, long submittedOrder) {
    }

    static List<Request> applicationsFor(HistoryPlan.Planned p, List<Producer> population,
            Map<UUID, TwentiethExhibition.Venue> venues, Random r) {
        int days = (int) (p.end().toEpochDay() - p.start().toEpochDay() + 1);
        int capacity = p.venues().stream().mapToInt(v -> venues.get(v).stalls()).sum();
        // demand a quarter above the stall-days offered: not everyone can be placed, as in the directorate's year
        int wanted = Math.min(population.size(), Math.max(5, (int) Math.round(capacity * days * 1.25 / 1.2)));
        Set<Integer> chosen = new HashSet<>();
        double total = population.stream().mapToDouble(Producer::activity).sum();
        List<Request> out = new ArrayList<>();
        while (chosen.size() < wanted) {
            double x = r.nextDouble() * total;
            int i = 0;
            while (x > population.get(i).activity() && i < population.size() - 1) {
                x -= population.get(i).activity();
                i++;
            }
            if (!chosen.add(i)) {
                continue;
            }
            Producer pr = population.get(i);
            List<UUID> prefs = new ArrayList<>(p.venues());
            prefs.sort((a, b) -> Double.compare(Districts.km(pr.district(), venues.get(a).latitude(),
                venues.get(a).longitude()) + r.nextDouble() * 5, Districts.km(pr.district(), venues.get(b).latitude(),
                venues.get(b).longitude()) + r.nextDouble() * 5));
            List<LocalDate> all = p.start().datesUntil(p.end().plusDays(1)).toList();
            List<LocalDate> mine = all.stream().filter(d -> r.nextDouble() < 0.6).toList();
            out.add(new Request(pr, prefs.subList(0, Math.min(3, prefs.size())), mine.isEmpty() ? List.of(all.get(0))
                : mine, out.size()));
        }
        return out;
    }

    record Result(int applied, double atLeastOne, double atLeastOneGood, double oneOrTwoGood, double gini,
            double firstChoice, int turnedAway, int unplacedApplications, long hardBroken, double seconds) {
    }

    static Result simulate(List<HistoryPlan.Planned> plan, List<List<Request>> applications,
            Map<UUID, TwentiethExhibition.Venue> venues, Map<UUID, Double> quality, boolean solver,
            int secondsPerBazaar, long seed) {
        Map<UUID, Integer> opportunities = new HashMap<>();
        Map<UUID, Integer> good = new HashMap<>();
        Set<UUID> guaranteed = new HashSet<>();
        Set<UUID> applied = new HashSet<>();
        Set<UUID> offered = new HashSet<>();
        long firstChoice = 0;
        long stallDays = 0;
        int unplaced = 0;
        long hard = 0;
        AllocationEngine engine = AllocationEngine.plain();
        long started = System.nanoTime();
        for (int b = 0; b < plan.size(); b++) {
            HistoryPlan.Planned p = plan.get(b);
            List<VenueDay> venueDays = new ArrayList<>();
            for (UUID v : p.venues()) {
                TwentiethExhibition.Venue venue = venues.get(v);
                for (LocalDate d : p.start().datesUntil(p.end().plusDays(1)).toList()) {
                    venueDays.add(new VenueDay(v, d, venue.stalls(), venue.powerStalls(), venue.cookingStalls(), 25,
                        quality.get(v), venue.latitude(), venue.longitude()));
                }
            }
            List<ProblemBuilder.Request> requests = new ArrayList<>();
            for (Request q : applications.get(b)) {
                Producer pr = q.producer();
                applied.add(pr.id());
                requests.add(new ProblemBuilder.Request(new Applicant(new UUID(b, q.submittedOrder()), pr.id(), pr.id(),
                    pr.category(), pr.district(), pr.head(), pr.stalls(), pr.power(), pr.cooking(), q.preferences(),
                    opportunities.getOrDefault(pr.id(), 0), good.getOrDefault(pr.id(), 0),
                    solver && guaranteed.contains(pr.id()), java.time.Instant.ofEpochSecond(q.submittedOrder())),
                    q.days()));
            }
            AllocationProblem problem = ProblemBuilder.build(venueDays, requests, List.of(),
                AllocationWeights.defaults());
            AllocationProblem done = solver ? engine.solve(problem, new SolveOptions(
                Duration.ofSeconds(secondsPerBazaar), null, seed + b), null) : GreedyAllocator.allocate(problem);
            if (!solver) {
                done.setScore(engine.solutionManager().update(done));
            }
            hard += -done.getScore().hardScore();
            Map<Applicant, List<Placement>> mine = new HashMap<>();
            done.getPlacements().forEach(pl -> mine.computeIfAbsent(pl.getApplicant(), k -> new ArrayList<>()).add(pl));
            for (Applicant a : done.getApplicants()) {
                List<Placement> pls = mine.getOrDefault(a, List.of()).stream().filter(x -> x.getVenueDay() != null)
                    .toList();
                if (pls.isEmpty()) {
                    unplaced++;
                    if (solver) {
                        guaranteed.add(a.getBusinessId());
                        if (b < plan.size() - 1) {
                            offered.add(a.getBusinessId());
                        }
                    }
                    continue;
                }
                guaranteed.remove(a.getBusinessId());
                opportunities.merge(a.getBusinessId(), 1, Integer::sum);
                if (pls.stream().anyMatch(x -> x.getVenueDay().isGood())) {
                    good.merge(a.getBusinessId(), 1, Integer::sum);
                }
                for (Placement x : pls) {
                    stallDays++;
                    if (x.rank() == 0) {
                        firstChoice++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int n = applied.size();
        long one = applied.stream().filter(id -> opportunities.getOrDefault(id, 0) >= 1).count();
        long oneGood = applied.stream().filter(id -> good.getOrDefault(id, 0) >= 1).count();
        long oneOrTwo = applied.stream().filter(id -> good.getOrDefault(id, 0) >= 1 && good.getOrDefault(id, 0) <= 2)
            .count();
        int turnedAway = (int) applied.stream().filter(id -> opportunities.getOrDefault(id, 0) == 0)
            .filter(id -> !offered.contains(id)).count();
        double[] values = applied.stream().mapToDouble(id -> opportunities.getOrDefault(id, 0)).toArray();
        return new Result(n, (double) one / n, (double) oneGood / n, (double) oneOrTwo / n, gini(values),
            stallDays == 0 ? 0 : (double) firstChoice / stallDays, turnedAway, unplaced, hard, seconds);
    }

    static double gini(double[] x) {
        double[] v = x.clone();
        Arrays.sort(v);
        double sum = Arrays.stream(v).sum();
        if (sum == 0) {
            return 0;
        }
        double weighted = 0;
        for (int i = 0; i < v.length; i++) {
            weighted += (i + 1) * v[i];
        }
        return 2 * weighted / (v.length * sum) - (v.length + 1.0) / v.length;
    }

    private static void row(String name, Object a, Object b) {
        System.out.printf("| %s | %s | %s |%n", name, a, b);
    }

    private static void rowPct(String name, double a, double b) {
        System.out.printf("| %s | %.1f %% | %.1f %% |%n", name, a * 100, b * 100);
    }
}
