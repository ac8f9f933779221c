package ir.tehran.womenfamily.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import ir.tehran.womenfamily.localstack.LocalStack;
import ir.tehran.womenfamily.system.OwnStack;
import ir.tehran.womenfamily.support.time.Tehran;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo data against the real system (PostgreSQL, Kafka, the services and the gateway, as the run command
 * starts them, without their demo data): the register loads through the registry's API at today's scale, only
 * into an empty register, and gives the demo producer her business at the gateway; the production orders come
 * one in each state over the centres with room, and can be followed on like any other order.
 */
@OwnStack
class DemoDataIT {

    private static final String ORDERS = "/production-orders/";
    private static final List<String> STATES = List.of("DRAFT", "ACCEPTED", "IN_PRODUCTION", "DELIVERED", "PAID",
        "CANCELLED");

    private static LocalStack stack;
    private static RegistryApi api;
    private static DemoDataLoader loader;
    private static DemoDataLoader.Loaded loaded;
    private static final List<String> LOG = new ArrayList<>();

    @BeforeAll
    static void loadTheDemoRegister() {
        Path root = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
        stack = new LocalStack(LocalStack.Options.forTests(root, Path.of("target/demo-stack").toAbsolutePath()));
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        api = new RegistryApi(stack.gatewayUrl(), stack.service("registry").baseUrl(), "admin",
            stack.demoCredentials().password());
        loader = new DemoDataLoader(api, message -> {
            synchronized (LOG) {
                LOG.add(message);
            }
            System.out.println("[demo-data] " + message);
        }, DemoDataLoader.SEED, Tehran.today(java.time.Clock.systemUTC()));
        loaded = loader.loadIfEmpty().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theRegisterLoadsThroughTheApiOnceAndTheProducerGetsTheFirstBusiness() {
        assertTrue(loaded.women() > 19_000 && loaded.women() <= DemoDataGenerator.WOMEN, () -> loaded.toString());
        assertTrue(loaded.children() > 14_000 && loaded.children() <= DemoDataGenerator.CHILDREN, loaded::toString);
        assertEquals(DemoDataGenerator.CENTRES, loaded.centres());
        assertTrue(loaded.businesses() > 800, loaded::toString);
        assertTrue(loaded.consents() > loaded.women(), loaded::toString);
        assertEquals(STATES, List.copyOf(loaded.orders().keySet()));
        JsonNode producer = api.getAtGateway("/admin/users/" + DemoDataLoader.DEMO_PRODUCER);
        assertEquals(List.of(loaded.producerBusiness().toString()),
            RegistryApi.items(producer.path("businesses")).stream().map(JsonNode::asText).toList());
        assertEquals(loaded.producerBusiness().toString(),
            api.get("/businesses/" + loaded.producerBusiness()).path("id").asText());
        // benefactors support children, and the demo sponsor sees her two on her own pages
        assertEquals(DemoSponsorships.BENEFACTORS, loaded.sponsorships().benefactors());
        assertTrue(loaded.sponsorships().sponsorships() > DemoSponsorships.BENEFACTORS / 2, loaded::toString);
        RegistryApi sponsor = new RegistryApi(stack.gatewayUrl(), stack.service("registry").baseUrl(),
            DemoSponsorships.DEMO_SPONSOR, stack.demoCredentials().password());
        List<JsonNode> hers = RegistryApi.items(sponsor.getAtGateway("/api/sponsorship/me/sponsorships"));
        assertEquals(DemoSponsorships.DEMO_SPONSOR_CHILDREN, hers.size(), hers::toString);
        assertEquals(DemoSponsorships.DEMO_SPONSOR_CHILDREN,
            RegistryApi.items(sponsor.getAtGateway("/api/sponsorship/me/children")).size());
        // a second start finds the register full and loads nothing
        assertTrue(loader.loadIfEmpty().isEmpty());
        synchronized (LOG) {
            assertTrue(LOG.contains("the register already holds women; nothing loaded"), LOG::toString);
        }
    }

    @Test
    void theStatisticsAnswerEachHeadlineFigureAsTheGeneratorMadeIt() {
        DemoDataGenerator.DemoData made = new DemoDataGenerator(DemoDataLoader.SEED,
            Tehran.today(java.time.Clock.systemUTC())).generate();
        long centresOutside22 = made.centres().stream().filter(c -> c.district() != 22).count();
        // the figures are refreshed in the background once the writes have moved each service's change mark
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertEquals(loaded.women(), figure("registry", "women-served", 0, "now", null));
            assertEquals(loaded.children(), figure("registry", "children-covered", 0, "now", null));
            assertEquals(loaded.businesses(), figure("registry", "businesses", 0, "now", null));
            // other tests here add centres of district 22
            assertEquals(centresOutside22, figure("registry", "centres", 0, "now", null)
                - figure("registry", "centres", 22, "now", null));
            assertEquals(DemoBazaars.BAZAARS, figure("bazaar", "bazaars-held", 0, "last-2-years", null));
            assertEquals(20, figure("bazaar", "exhibition-venues", 0, "now", null));
            assertEquals(4_032, figure("bazaar", "exhibition-area", 0, "now", null));
        });
        assertEquals(DemoBazaars.BAZAARS, loaded.bazaars());
        assertEquals(DemoDataGenerator.CENTRES, made.centres().size());
    }

    /** One cell's value through the gateway, or -1 when the figure has no such cell yet. */
    private static long figure(String service, String figure, int district, String period, String series) {
        List<JsonNode> cells = RegistryApi.items(api.getAtGateway("/api/" + service + "/statistics/" + figure
            + "?limit=200&district=" + district + "&period=" + period));
        return cells.stream().filter(c -> series == null ? c.path("series").isNull()
                || c.path("series").isMissingNode() : series.equals(c.path("series").asText()))
            .mapToLong(c -> c.path("value").asLong(-1)).findFirst().orElse(-1);
    }

    @Test
    void oneOrderInEachStateOverTheCentresWithRoom() {
        // the first centre is too small for any share, so every order goes to the other two
        UUID tiny = centre(1);
        UUID first = centre(60);
        UUID second = centre(60);

        Map<String, UUID> made = loader.orders(List.of(tiny, first, second), women());

        assertEquals(STATES, List.copyOf(made.keySet()));
        made.forEach((state, id) -> {
            JsonNode order = api.get(ORDERS + id);
            assertEquals(state, order.path("state").asText());
            assertFalse(order.path("allocations").findValuesAsText("centreId").contains(tiny.toString()));
        });
        assertEquals(Set.of(first.toString(), second.toString()), Set.copyOf(api.get(ORDERS + made.get("ACCEPTED"))
            .path("allocations").findValuesAsText("centreId")));

        // in production: the women's hours, an accepted, a rejected (with its reason) and a pending delivery
        UUID running = made.get("IN_PRODUCTION");
        assertEquals(32, RegistryApi.items(api.get(ORDERS + running + "/work")).size());
        List<JsonNode> deliveries = RegistryApi.items(api.get(ORDERS + running + "/deliveries"));
        assertEquals(List.of("ACCEPTED", "REJECTED", "PENDING"),
            deliveries.stream().map(d -> d.path("state").asText()).toList());
        assertEquals("دوخت سرشانه‌ها با نمونه تأییدشده یکسان نیست", deliveries.get(1).path("reason").asText());
        // it can be followed on like any order: the pending delivery is inspected
        String pending = deliveries.get(2).path("id").asText();
        assertEquals("ACCEPTED", api.post(ORDERS + running + "/deliveries/" + pending + "/inspection",
            Map.of("outcome", "ACCEPTED")).path("state").asText());

        // paid: the wage pool split among the three women who worked on it
        JsonNode payment = api.get(ORDERS + made.get("PAID") + "/payment");
        assertTrue(payment.path("paid").asBoolean());
        assertEquals(180_000_000L, payment.path("wagePoolRials").asLong());
        assertEquals(3, payment.path("women").asInt());
    }

    @Test
    void anOrderThatFindsNoRoomIsLeftOut() {
        Map<String, UUID> made = loader.orders(List.of(centre(1)), women());

        assertEquals(List.of("DRAFT", "CANCELLED"), List.copyOf(made.keySet()));
    }

    /** Four women of the register. */
    private static List<UUID> women() {
        return RegistryApi.items(api.get("/beneficiaries?limit=4&district=22")).stream()
            .map(w -> UUID.fromString(w.path("id").asText())).toList();
    }

    /** A fresh centre of district 22. */
    private static UUID centre(int capacity) {
        String code = "DEMO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return UUID.fromString(api.post("/workshop-centres", Map.of("code", code, "name", "مرکز کوثر نمایشی " + code,
            "district", 22, "capacity", capacity)).path("id").asText());
    }
}
