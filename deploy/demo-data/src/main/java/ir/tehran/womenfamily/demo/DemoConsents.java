package ir.tehran.womenfamily.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo register's consents, given before its businesses are registered so that the bazaar and sponsorship
 * see them from the start: recorded through the registry's consent API as a clerk enters a stack of paper forms
 * ({@code POST /consents}, {@value #AT_ONCE} women's forms a call, each naming her by national code), so each is
 * recorded, announced ({@code consent.given}) and audited like one recorded alone.
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
    /** Consents a call: the most {@code POST /consents} takes. */
    static final int AT_ONCE = 200;

    private DemoConsents() {
    }

    /** One consent to give: {@code agency} is the agency kind of a {@code SHARE_WITH_AGENCY}, else null. */
    record Give(String nationalCode, String purpose, String agency, LocalDate givenOn) {

        /** One consent of the body of {@code POST /consents}. */
        Map<String, Object> form() {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("nationalCode", nationalCode);
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
     * The consents of the women {@code nationalCodes}, in a fixed order (by national code); {@code owners} own
     * businesses and {@code demoProducerOwner} (if any) always consents to publication.
     */
    static List<Give> choose(long seed, Collection<String> nationalCodes, Set<String> owners,
            String demoProducerOwner, LocalDate today) {
        Random random = new Random(seed ^ 0x636f6e73656e74L);
        List<Give> out = new ArrayList<>();
        nationalCodes.stream().sorted().forEach(woman -> {
            LocalDate day = today.minusDays(1 + random.nextInt(700));
            if (random.nextDouble() < SPONSORSHIP_SHARE) {
                out.add(new Give(woman, "SPONSORSHIP", null, day));
            }
            boolean publication = random.nextDouble() < PUBLICATION_SHARE;
            if (woman.equals(demoProducerOwner) || owners.contains(woman) && publication) {
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

    /** Gives them through the registry's API, {@value #AT_ONCE} a call, a few calls at a time. */
    static int give(RegistryApi api, List<Give> consents, Parallel parallel) {
        List<List<Give>> calls = new ArrayList<>();
        for (int from = 0; from < consents.size(); from += AT_ONCE) {
            calls.add(consents.subList(from, Math.min(consents.size(), from + AT_ONCE)));
        }
        parallel.each(calls, call -> api.post("/consents", Map.of("consents", call.stream().map(Give::form)
            .toList())));
        return consents.size();
    }
}
