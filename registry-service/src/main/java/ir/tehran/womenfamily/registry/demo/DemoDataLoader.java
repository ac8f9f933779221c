package ir.tehran.womenfamily.registry.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.business.BusinessDtos;
import ir.tehran.womenfamily.registry.business.BusinessService;
import ir.tehran.womenfamily.registry.business.CampaignParticipant;
import ir.tehran.womenfamily.registry.centre.WorkshopCentre;
import ir.tehran.womenfamily.registry.transfer.ImportJob;
import ir.tehran.womenfamily.registry.transfer.ImportService;
import ir.tehran.womenfamily.support.time.Tehran;
import ir.tehran.womenfamily.support.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Loads the synthetic register at today's scale, and a handful of production orders in every state
 * ({@link DemoOrders}), on the first start of an empty database, when
 * {@code registry.demo-data.enabled} is true (the local stack sets it unless told not to). It goes through
 * the same import and services as real data, so every event reaches the other services.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    /**
     * The id of the demo register's first business, which the demo producer of the local stack owns
     * ({@code gateway.demo.producer-businesses}, set by {@code LocalStack}; keep the two equal).
     */
    public static final UUID DEMO_PRODUCER_BUSINESS = UUID.fromString("d3e0b1a5-0000-4000-8000-000000000001");
    private static final Caller LOADER = Caller.of("demo-data", null, Set.of("admin"));

    @ConfigProperty(name = "registry.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "registry.demo-data.seed", defaultValue = "1403")
    long seed;

    @Inject
    ImportService imports;

    @Inject
    Clock clock;

    @Inject
    BusinessService businesses;

    @Inject
    DemoOrders orders;

    @Inject
    DemoConsents consents;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread loader = new Thread(this::loadIfEmpty, "demo-data");
        loader.setDaemon(true);
        loader.start();
    }

    void loadIfEmpty() {
        long existing = QuarkusTransaction.requiringNew().call(() -> Beneficiary.count());
        if (existing > 0) {
            LOG.infof("demo data: the register already holds %d women; nothing loaded", existing);
            return;
        }
        long started = System.nanoTime();
        DemoDataGenerator.DemoData data = new DemoDataGenerator(seed, Tehran.today(clock)).generate();
        ImportJob job = imports.importNow(data.womenCsv(), LOADER);
        List<UUID> centreIds = QuarkusTransaction.requiringNew().call(() -> centres(data.centres()));
        Map<String, UUID> owners = QuarkusTransaction.requiringNew().call(DemoDataLoader::ownersByCode);
        // consents first, so that the businesses' events and the other services see them from the start
        Set<String> ownerCodes = new java.util.HashSet<>();
        data.businesses().stream().filter(b -> !b.ownerIsParticipant())
            .forEach(b -> ownerCodes.add(b.ownerNationalCode()));
        Set<String> participantCodes = new java.util.HashSet<>();
        data.participants().forEach(p -> participantCodes.add(p.nationalCode()));
        String demoProducerOwner = data.businesses().stream().filter(b -> owners.containsKey(b.ownerNationalCode())
                || participantCodes.contains(b.ownerNationalCode()))
            .findFirst().filter(b -> !b.ownerIsParticipant()).map(DemoDataGenerator.DemoBusiness::ownerNationalCode)
            .orElse(null);
        int consentCount = consents.give(DemoConsents.choose(seed, owners, ownerCodes, demoProducerOwner,
            Tehran.today(clock)));
        for (DemoDataGenerator.Participant p : data.participants()) {
            CampaignParticipant saved = businesses.registerParticipant(new BusinessDtos.RegisterParticipant(
                p.nationalCode(), p.firstName(), p.lastName(), null, (short) p.district()));
            owners.put(p.nationalCode(), saved.id);
        }
        int made = 0;
        for (DemoDataGenerator.DemoBusiness b : data.businesses()) {
            UUID owner = owners.get(b.ownerNationalCode());
            if (owner == null) {
                continue;
            }
            UUID centre = b.centreIndex() < 0 ? null : centreIds.get(b.centreIndex());
            // the first one under a known id: the demo producer's (the local stack names it in her tokens)
            businesses.register(new BusinessDtos.RegisterBusiness(b.ownerIsParticipant() ? null : owner,
                b.ownerIsParticipant() ? owner : null, b.name(), b.category(), null, centre, null, null), LOADER,
                made == 0 ? DEMO_PRODUCER_BUSINESS : UUID.randomUUID());
            made++;
        }
        List<UUID> women = QuarkusTransaction.requiringNew().call(() -> Beneficiary.<Beneficiary>find(
            "mergedInto is null order by nationalCode").page(0, 4).list().stream().map(b -> b.id).toList());
        int orderCount = women.size() < 4 ? 0
            : orders.seed(centreIds, women, Tehran.today(clock)).orders().size();
        LOG.infof("demo data loaded in %d s: %d women, %d children, %d consents, %d centres, %d businesses, "
            + "%d production orders (%d lines refused)", (System.nanoTime() - started) / 1_000_000_000L, job.imported,
            job.children, consentCount, centreIds.size(), made, orderCount,
            job.errors.equals("[]") ? 0 : job.errors.split("\\\\{").length - 1);
    }

    private static List<UUID> centres(List<DemoDataGenerator.Centre> centres) {
        List<UUID> ids = new ArrayList<>();
        for (DemoDataGenerator.Centre c : centres) {
            WorkshopCentre w = new WorkshopCentre();
            w.id = UUID.randomUUID();
            w.code = c.code();
            w.name = c.name();
            w.district = c.district();
            w.address = "تهران، منطقه " + c.district();
            w.capacity = c.capacity();
            w.renovationState = c.state();
            w.builtYear = c.builtYear();
            w.persist();
            ids.add(w.id);
        }
        return ids;
    }

    private static Map<String, UUID> ownersByCode() {
        Map<String, UUID> byCode = new HashMap<>();
        List<Object[]> rows = Beneficiary.getEntityManager()
            .createQuery("select b.nationalCode, b.id from Beneficiary b", Object[].class).getResultList();
        for (Object[] row : rows) {
            byCode.put((String) row[0], (UUID) row[1]);
        }
        return byCode;
    }
}
