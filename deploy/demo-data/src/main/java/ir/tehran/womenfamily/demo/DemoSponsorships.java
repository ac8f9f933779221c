package ir.tehran.womenfamily.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's benefactors (خیرین) and the children's sponsorships they give, made through the sponsorship
 * service's API at the gateway as a sponsorship officer would: the benefactors registered, one matching run
 * (greatest need first, among the children whose mothers consented to sponsorship) proposing a pledge for each,
 * each pledge confirmed. The first benefactor is the demo sponsor's: she supports two children, and the gateway's
 * demo account {@value #DEMO_SPONSOR} is given her benefactor id ({@code PUT /admin/users/sponsor/access}), so
 * that her own pages ({@code /api/sponsorship/me/...}) show them.
 */
final class DemoSponsorships {

    /** The demo account of a sponsor, which the gateway creates in demo mode. */
    static final String DEMO_SPONSOR = "sponsor";
    /** How many benefactors: every sixth an organisation. */
    static final int BENEFACTORS = 60;
    /** The demo sponsor's sponsorships. */
    static final int DEMO_SPONSOR_CHILDREN = 2;
    private static final String ROOT = "/api/sponsorship";
    /** How long the children of the import may take to reach sponsorship's roster with their mothers' consents. */
    private static final Duration ROSTER_WAIT = Duration.ofMinutes(5);
    private static final String[] FIRST_NAMES = {"مریم", "فاطمه", "زهرا", "محمد", "علی", "حسین", "نرگس", "رضا",
        "سارا", "مهدی", "لیلا", "حمید"};
    private static final String[] LAST_NAMES = {"توکلی", "نیک‌نام", "صالحی", "امینی", "نوری", "شریفی", "یزدانی",
        "مقدم", "رحیمی", "فرهادی"};
    private static final String[] ORGANISATIONS = {"مؤسسهٔ خیریهٔ نیک‌اندیشان", "بنیاد نیکوکاری مهر تهران",
        "صندوق قرض‌الحسنهٔ همدلی", "انجمن خیریهٔ امید فردا", "شرکت تعاونی یاوران"};

    /** What was made: the demo sponsor's benefactor id, how many benefactors and confirmed sponsorships. */
    record Made(UUID demoSponsor, int benefactors, int sponsorships) {
    }

    private DemoSponsorships() {
    }

    static Made seed(RegistryApi api, long seed, Parallel parallel) {
        List<Map<String, Object>> forms = benefactors(seed);
        List<UUID> ids = parallel.map(forms, f -> id(api.postAtGateway(ROOT + "/benefactors", f)));
        UUID demo = ids.get(0);
        awaitChildren(api, demo, ids.size() - 1 + DEMO_SPONSOR_CHILDREN);
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < DEMO_SPONSOR_CHILDREN; i++) {
            requests.add(request(demo, 25_000_000L + i * 5_000_000L));
        }
        // the others: a monthly education pledge each, of 10 to 50 million rials
        Random random = new Random(seed ^ 0x73706f6e736f72L);
        ids.subList(1, ids.size()).forEach(id -> requests.add(request(id, (10 + random.nextInt(41)) * 1_000_000L)));
        JsonNode run = api.postAtGateway(ROOT + "/matching/runs", Map.of("requests", requests));
        List<String> pledges = new ArrayList<>();
        run.path("results").forEach(r -> {
            if (r.hasNonNull("pledgeId")) {
                pledges.add(r.path("pledgeId").asText());
            }
        });
        parallel.each(pledges, p -> api.postAtGateway(ROOT + "/pledges/" + p + "/confirmation", Map.of()));
        api.putAtGateway("/admin/users/" + DEMO_SPONSOR, "/access", Map.of("roles", List.of("sponsor"),
            "sponsorId", demo.toString()));
        return new Made(demo, ids.size(), pledges.size());
    }

    /** The benefactors' registrations, the same for a seed. */
    static List<Map<String, Object>> benefactors(long seed) {
        Random random = new Random(seed ^ 0x62656e6566L);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < BENEFACTORS; i++) {
            boolean organisation = i % 6 == 5;
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("kind", organisation ? "ORGANISATION" : "PERSON");
            String person = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
                + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
            form.put("displayName", organisation ? ORGANISATIONS[i / 6 % ORGANISATIONS.length]
                + (i / 6 >= ORGANISATIONS.length ? " " + (i / 6 / ORGANISATIONS.length + 1) : "") : person);
            form.put("phone", "0912" + String.format("%07d", random.nextInt(10_000_000)));
            out.add(form);
        }
        return out;
    }

    private static Map<String, Object> request(UUID sponsor, long rials) {
        return Map.of("sponsorId", sponsor.toString(), "terms", Map.of("purpose", "EDUCATION",
            "schedule", "MONTHLY", "instalmentRials", rials, "months", 12));
    }

    /**
     * Waits until sponsorship offers at least {@code wanted} children to sponsor (the import's children and their
     * mothers' consents reach its roster by events, after the registry has them), or {@link #ROSTER_WAIT} passed:
     * then the run matches the children there are.
     */
    private static void awaitChildren(RegistryApi api, UUID sponsor, int wanted) {
        Instant deadline = Instant.now().plus(ROSTER_WAIT);
        String candidates = ROOT + "/matching/candidates?purpose=EDUCATION&limit=" + wanted + "&sponsorId=" + sponsor;
        while (RegistryApi.items(api.getAtGateway(candidates)).size() < wanted && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.path("id").asText());
    }
}
