package ir.tehran.womenfamily.registry.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import ir.tehran.womenfamily.registry.consent.Agency;
import ir.tehran.womenfamily.registry.consent.AgencyKind;
import ir.tehran.womenfamily.registry.consent.Consent;
import ir.tehran.womenfamily.registry.consent.ConsentChannel;
import ir.tehran.womenfamily.registry.consent.ConsentPurpose;
import ir.tehran.womenfamily.support.events.DomainEvent;
import ir.tehran.womenfamily.support.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The demo register's consents, given before its businesses are registered so that the bazaar and sponsorship
 * see them from the start: each woman's consents are announced like real ones ({@code consent.given} through the
 * outbox). Proportions, from the same seed as the rest of the demo data:
 * <ul>
 *   <li>{@code SPONSORSHIP}: {@value #SPONSORSHIP_SHARE} of the women (most mothers want their children's
 *       education supported; some do not want them shown to benefactors);</li>
 *   <li>{@code BAZAAR_PUBLICATION}: {@value #PUBLICATION_SHARE} of the women who own a business, and always the
 *       owner of the demo producer's business (the local stack's producer sees her name published);</li>
 *   <li>{@code SHARE_WITH_AGENCY}: the Relief Committee for {@value #RELIEF_SHARE}, the Welfare Organisation for
 *       {@value #WELFARE_SHARE} of the women.</li>
 * </ul>
 */
@ApplicationScoped
public class DemoConsents {

    static final double SPONSORSHIP_SHARE = 0.7;
    static final double PUBLICATION_SHARE = 0.8;
    static final double RELIEF_SHARE = 0.4;
    static final double WELFARE_SHARE = 0.25;
    private static final int BATCH = 500;
    private static final String BY = "demo-data";

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** One consent to give. */
    record Give(UUID woman, ConsentPurpose purpose, Agency agency, LocalDate givenOn) {
    }

    /**
     * The consents of the women {@code ids} (by national code), in a fixed order; {@code owners} own businesses
     * and {@code demoProducerOwner} (if any) always consents to publication.
     */
    static List<Give> choose(long seed, Map<String, UUID> ids, Set<String> owners, String demoProducerOwner,
            LocalDate today) {
        Random random = new Random(seed ^ 0x636f6e73656e74L);
        List<Give> out = new ArrayList<>();
        ids.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            UUID woman = e.getValue();
            LocalDate day = today.minusDays(1 + random.nextInt(700));
            if (random.nextDouble() < SPONSORSHIP_SHARE) {
                out.add(new Give(woman, ConsentPurpose.SPONSORSHIP, null, day));
            }
            boolean publication = random.nextDouble() < PUBLICATION_SHARE;
            if (e.getKey().equals(demoProducerOwner) || owners.contains(e.getKey()) && publication) {
                out.add(new Give(woman, ConsentPurpose.BAZAAR_PUBLICATION, null, day));
            }
            if (random.nextDouble() < RELIEF_SHARE) {
                out.add(new Give(woman, ConsentPurpose.SHARE_WITH_AGENCY,
                    new Agency(AgencyKind.RELIEF_COMMITTEE, null), day));
            }
            if (random.nextDouble() < WELFARE_SHARE) {
                out.add(new Give(woman, ConsentPurpose.SHARE_WITH_AGENCY,
                    new Agency(AgencyKind.WELFARE_ORGANISATION, null), day));
            }
        });
        return out;
    }

    /** Gives them, {@value #BATCH} per transaction, each with its event. */
    public int give(List<Give> consents) {
        for (int from = 0; from < consents.size(); from += BATCH) {
            List<Give> batch = consents.subList(from, Math.min(consents.size(), from + BATCH));
            QuarkusTransaction.requiringNew().run(() -> {
                List<DomainEvent> events = new ArrayList<>();
                for (Give g : batch) {
                    Consent c = Consent.give(g.woman(), g.purpose(), g.agency(), g.givenOn(), ConsentChannel.PAPER,
                        BY, Instant.now(clock));
                    c.persist();
                    events.add(c.changed(true));
                }
                outbox.append(events);
            });
        }
        return consents.size();
    }
}
