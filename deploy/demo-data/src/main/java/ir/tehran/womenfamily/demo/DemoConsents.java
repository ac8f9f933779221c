package ir.tehran.womenfamily.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo register's consents, given before its businesses are registered so that the bazaar and sponsorship
 * see them from the start: each is recorded through the registry's consent API ({@code POST
 * /beneficiaries/{id}/consents}, on paper), so it is announced like a real one ({@code consent.given}).
 * Proportions, from the same seed as the rest of the demo data:
 * <ul>
 *   <li>{@code SPONSORSHIP}: {@value #SPONSORSHIP_SHARE} of the women (most mothers want their children's
 *       education supported; some do not want them shown to benefactors);</li>
 *   <li>{@code BAZAAR_PUBLICATION}: {@value #PUBLICATION_SHARE} of the women who own a business, and always the
 *       owner of the demo producer's business (the local stack's producer sees her name published);</li>
 *   <li>{@code SHARE_WITH_AGENCY}: the Relief Committee for {@value #RELIEF_SHARE}, the Welfare Organisation for
 *       {@value #WELFARE_SHARE} of the women.</li>
 * </ul>
 */
final class DemoConsents {

    static final double SPONSORSHIP_SHARE = 0.7;
    static final double PUBLICATION_SHARE = 0.8;
    static final double RELIEF_SHARE = 0.4;
    static final double WELFARE_SHARE = 0.25;

    private DemoConsents() {
    }

    /** One consent to give: {@code agency} is the agency kind of a {@code SHARE_WITH_AGENCY}, else null. */
    record Give(UUID woman, String purpose, String agency, LocalDate givenOn) {

        /** The body of {@code POST /beneficiaries/{id}/consents}. */
        Map<String, Object> body() {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("purpose", purpose);
            if (agency != null) {
                b.put("agency", Map.of("kind", agency));
            }
            b.put("givenOn", givenOn.toString());
            b.put("channel", "PAPER");
            return b;
        }
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
                out.add(new Give(woman, "SPONSORSHIP", null, day));
            }
            boolean publication = random.nextDouble() < PUBLICATION_SHARE;
            if (e.getKey().equals(demoProducerOwner) || owners.contains(e.getKey()) && publication) {
                out.add(new Give(woman, "BAZAAR_PUBLICATION", null, day));
            }
            if (random.nextDouble() < RELIEF_SHARE) {
                out.add(new Give(woman, "SHARE_WITH_AGENCY", "RELIEF_COMMITTEE", day));
            }
            if (random.nextDouble() < WELFARE_SHARE) {
                out.add(new Give(woman, "SHARE_WITH_AGENCY", "WELFARE_ORGANISATION", day));
            }
        });
        return out;
    }

    /** Gives them through the registry's API, a few at a time. */
    static int give(RegistryApi api, List<Give> consents, Parallel parallel) {
        parallel.each(consents, g -> api.post("/beneficiaries/" + g.woman() + "/consents", g.body()));
        return consents.size();
    }
}
