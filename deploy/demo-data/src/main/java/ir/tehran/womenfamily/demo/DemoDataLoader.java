package ir.tehran.womenfamily.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.support.time.Tehran;

/**
 * Loads the synthetic register at today's scale ({@link DemoDataGenerator}), its consents ({@link DemoConsents}),
 * centres, campaign participants and businesses, and a handful of production orders in every state
 * ({@link DemoOrders}) into a running registry whose register is empty, through its public API as an admin
 * would: the women and children by the CSV import ({@code POST /imports}, the bulk path), everything else by the
 * REST operations. So every event reaches the other services as real data does, and nothing of it is in the
 * registry. The demo producer is given the first business at the gateway ({@code PUT
 * /admin/users/producer/access}). Last come the benefactors and their sponsorships ({@link DemoSponsorships}),
 * when the children have reached sponsorship's roster, and the demo sponsor is given her benefactor; then the
 * 96 bazaars of the last two Jalali years ({@link DemoBazaars}).
 */
public final class DemoDataLoader {

    /** The seed of the demo register: the same data on every first start. */
    public static final long SEED = 1403;
    /** The demo producer, whom the gateway creates in demo mode; she gets the demo register's first business. */
    static final String DEMO_PRODUCER = "producer";
    private static final int REQUESTS_AT_ONCE = 4;
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(15);

    private final RegistryApi api;
    private final Consumer<String> log;
    private final long seed;
    private final LocalDate today;

    /** What was loaded. */
    public record Loaded(int women, int children, int consents, int centres, int businesses, UUID producerBusiness,
            Map<String, UUID> orders, DemoSponsorships.Made sponsorships, int bazaars) {
    }

    /**
     * A loader signed in at {@code gatewayUrl} as {@code username} (an admin) that calls the registry at
     * {@code registryUrl}; {@code log} takes its progress.
     */
    public DemoDataLoader(String gatewayUrl, String registryUrl, String username, String password,
            Consumer<String> log) {
        this(new RegistryApi(gatewayUrl, registryUrl, username, password), log, SEED,
            Tehran.today(Clock.systemUTC()));
    }

    DemoDataLoader(RegistryApi api, Consumer<String> log, long seed, LocalDate today) {
        this.api = api;
        this.log = log;
        this.seed = seed;
        this.today = today;
    }

    /** The demo orders alone, over {@code centres} with the hours of {@code women} (at least four), by state. */
    public Map<String, UUID> orders(List<UUID> centres, List<UUID> women) {
        return new DemoOrders(api).seed(centres, women, today);
    }

    /** Loads everything if the register holds no woman yet; empty when it held some. */
    public java.util.Optional<Loaded> loadIfEmpty() {
        if (!RegistryApi.items(api.get("/beneficiaries?limit=1")).isEmpty()) {
            log.accept("the register already holds women; nothing loaded");
            return java.util.Optional.empty();
        }
        long started = System.nanoTime();
        DemoDataGenerator.DemoData data = new DemoDataGenerator(seed, today).generate();
        JsonNode job = importWomen(data.womenCsv());
        log.accept(String.format("register imported: %d women, %d children (%d lines refused)%s",
            job.path("imported").asInt(), job.path("children").asInt(), job.path("errors").size(), since(started)));
        if (!job.path("errors").isEmpty()) {
            throw new IllegalStateException("the import refused lines of the demo register: " + job.path("errors"));
        }
        long phase = System.nanoTime();
        try (Parallel parallel = new Parallel(REQUESTS_AT_ONCE)) {
            List<UUID> centreIds = parallel.map(data.centres(), c -> id(api.post("/workshop-centres", centre(c))));
            log.accept(centreIds.size() + " centres registered" + since(phase));
            phase = System.nanoTime();
            // consents first, so that the businesses' events and the other services see them from the start
            Set<String> ownerCodes = new HashSet<>();
            data.businesses().stream().filter(b -> !b.ownerIsParticipant())
                .forEach(b -> ownerCodes.add(b.ownerNationalCode()));
            // every woman of the register was imported (a refused line stops the load), so the first business is
            // the demo producer's, and its owner always consents to publication
            String demoProducerOwner = data.businesses().stream().findFirst().filter(b -> !b.ownerIsParticipant())
                .map(DemoDataGenerator.DemoBusiness::ownerNationalCode).orElse(null);
            List<String> codes = data.women().stream().map(DemoDataGenerator.Woman::nationalCode).sorted().toList();
            List<DemoConsents.Give> consents = DemoConsents.choose(seed, codes, ownerCodes, demoProducerOwner, today);
            int consentCount = DemoConsents.give(api, consents, parallel);
            log.accept(consentCount + " consents given" + since(phase));
            phase = System.nanoTime();
            // the registry's ids of the women the rest names: the business owners and the four women with the
            // lowest national codes, who work on the orders
            Set<String> named = new HashSet<>(ownerCodes);
            named.addAll(codes.subList(0, Math.min(4, codes.size())));
            Map<String, UUID> owners = womenByCode(named.stream().sorted().toList(), parallel);
            log.accept(owners.size() + " women found by national code" + since(phase));
            phase = System.nanoTime();
            List<UUID> workers = codes.stream().limit(4).map(owners::get).toList();
            Map<String, UUID> allOwners = new HashMap<>(owners);
            List<UUID> participants = parallel.map(data.participants(), p -> id(api.post("/campaign-participants",
                Map.of("nationalCode", p.nationalCode(), "firstName", p.firstName(), "lastName", p.lastName(),
                    "district", p.district()))));
            for (int i = 0; i < participants.size(); i++) {
                allOwners.put(data.participants().get(i).nationalCode(), participants.get(i));
            }
            List<DemoDataGenerator.DemoBusiness> businesses = data.businesses().stream()
                .filter(b -> allOwners.containsKey(b.ownerNationalCode())).toList();
            UUID producerBusiness = null;
            int made = 0;
            if (!businesses.isEmpty()) {
                // the first one, alone, so that it is the first: the demo producer's
                producerBusiness = id(api.post("/businesses", business(businesses.get(0), allOwners, centreIds)));
                parallel.each(businesses.subList(1, businesses.size()),
                    b -> api.post("/businesses", business(b, allOwners, centreIds)));
                made = businesses.size();
                log.accept(participants.size() + " campaign participants and " + made + " businesses registered"
                    + since(phase));
                api.putAtGateway("/admin/users/" + DEMO_PRODUCER, "/access", Map.of("roles", List.of("producer"),
                    "businesses", List.of(producerBusiness.toString())));
            }
            Map<String, UUID> orders = workers.size() < 4 ? Map.of() : orders(centreIds, workers);
            phase = System.nanoTime();
            DemoSponsorships.Made sponsorships = DemoSponsorships.seed(api, seed, parallel);
            log.accept(sponsorships.benefactors() + " benefactors and " + sponsorships.sponsorships()
                + " sponsorships (the demo sponsor's benefactor: " + sponsorships.demoSponsor() + ")" + since(phase));
            phase = System.nanoTime();
            int bazaars = DemoBazaars.seed(api, today, parallel);
            log.accept(bazaars + " bazaars of the last two Jalali years held" + since(phase));
            Loaded loaded = new Loaded(job.path("imported").asInt(), job.path("children").asInt(), consentCount,
                centreIds.size(), made, producerBusiness, orders, sponsorships, bazaars);
            log.accept(String.format("demo data loaded in %d s: %d women, %d children, %d consents, %d centres, "
                    + "%d businesses (the producer's: %s), %d production orders, %d sponsorships",
                (System.nanoTime() - started) / 1_000_000_000L, loaded.women(), loaded.children(), consentCount,
                loaded.centres(), made, producerBusiness, orders.size(), sponsorships.sponsorships()));
            return java.util.Optional.of(loaded);
        }
    }

    /** The register through the import, followed until it is done. */
    private JsonNode importWomen(String csv) {
        String location = api.postCsv("/imports", csv);
        Instant deadline = Instant.now().plus(IMPORT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = api.follow(location);
            String status = job.path("status").asText();
            if (status.equals("DONE")) {
                return job;
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("the import failed: " + job);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the import did not finish in " + IMPORT_TIMEOUT);
    }

    /** The registry's id of each of these women, by her national code. */
    private Map<String, UUID> womenByCode(List<String> codes, Parallel parallel) {
        List<UUID> ids = parallel.map(codes, code -> RegistryApi.items(api.get("/beneficiaries?limit=1&nationalCode="
                + code)).stream().findFirst().map(DemoDataLoader::id)
            .orElseThrow(() -> new IllegalStateException("no woman imported with national code " + code)));
        Map<String, UUID> byCode = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            byCode.put(codes.get(i), ids.get(i));
        }
        return byCode;
    }

    /** " (12 s)": the seconds since {@code nanoTime}. */
    private static String since(long nanoTime) {
        return " (" + (System.nanoTime() - nanoTime) / 1_000_000_000L + " s)";
    }

    private static Map<String, Object> centre(DemoDataGenerator.Centre c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", c.code());
        body.put("name", c.name());
        body.put("district", c.district());
        body.put("address", "تهران، منطقه " + c.district());
        body.put("capacity", c.capacity());
        body.put("renovationState", c.state());
        body.put("builtYear", c.builtYear());
        return body;
    }

    private static Map<String, Object> business(DemoDataGenerator.DemoBusiness b, Map<String, UUID> owners,
            List<UUID> centres) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(b.ownerIsParticipant() ? "ownerParticipantId" : "ownerBeneficiaryId",
            owners.get(b.ownerNationalCode()).toString());
        body.put("name", b.name());
        body.put("category", b.category().code());
        if (b.centreIndex() >= 0) {
            body.put("centreId", centres.get(b.centreIndex()).toString());
        }
        return body;
    }

    private static UUID id(JsonNode view) {
        return UUID.fromString(view.path("id").asText());
    }
}
