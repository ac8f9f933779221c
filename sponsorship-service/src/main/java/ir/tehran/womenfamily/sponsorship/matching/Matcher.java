package ir.tehran.womenfamily.sponsorship.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.Arrays;

import ir.tehran.womenfamily.sponsorship.child.Gender;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.pledge.Pledge;

/**
 * Matches sponsors to children, greatest need first. Among the children a sponsor's preferences admit
 * (age range, gender, districts: each optional), and who have no sponsor for the pledge's purpose, the
 * order is:
 * <ol>
 *   <li>children the early warning flags at risk first;</li>
 *   <li>then by their mother's support level, the mothers who need most support first (counselling,
 *       training, business support, self-reliant; an unknown level counts with business support);</li>
 *   <li>then children with no sponsor at all before those sponsored for another purpose;</li>
 *   <li>then the longest on the roster; then the child's id, so that the order is total.</li>
 * </ol>
 * Requests are served in their order; a child is given to one request per purpose. Pure: no database.
 */
public final class Matcher {

    private Matcher() {
    }

    /** A child who could be matched for one purpose, with the facts of her need. */
    public record Candidate(UUID childId, int age, Gender gender, Short district, boolean atRisk,
            Mother.SupportLevel motherLevel, boolean sponsoredForAnotherPurpose, Instant waitingSince) {
    }

    /** A sponsor's preferences; null fields and an empty district set mean "any". */
    public record Preferences(Integer minAge, Integer maxAge, Gender gender, Set<Integer> districts) {

        public static final Preferences ANY = new Preferences(null, null, null, Set.of());

        public boolean admit(Candidate c) {
            return (minAge == null || c.age() >= minAge) && (maxAge == null || c.age() <= maxAge)
                && (gender == null || gender == c.gender())
                && (districts == null || districts.isEmpty() || c.district() != null
                    && districts.contains(c.district().intValue()));
        }
    }

    /** One sponsor asking for one child for one purpose. */
    public record Request(UUID sponsorId, Pledge.Purpose purpose, Preferences preferences) {
    }

    /** The child given to a request, and why. */
    public record Match(Request request, Candidate child, List<String> reasons) {
    }

    /** The need order described above. */
    public static final Comparator<Candidate> GREATEST_NEED_FIRST = Comparator
        .comparing((Candidate c) -> !c.atRisk())
        .thenComparing(c -> levelRank(c.motherLevel()))
        .thenComparing(Candidate::sponsoredForAnotherPurpose)
        .thenComparing(Candidate::waitingSince)
        .thenComparing(Candidate::childId);

    /** Lower is needier. */
    static int levelRank(Mother.SupportLevel level) {
        if (level == null) {
            return 2;
        }
        return switch (level) {
            case COUNSELLING -> 0;
            case TRAINING -> 1;
            case BUSINESS_SUPPORT -> 2;
            case SELF_RELIANT -> 3;
        };
    }

    /** The children {@code preferences} admit, neediest first, at most {@code limit}. */
    public static List<Match> suggest(Request request, List<Candidate> candidates, int limit) {
        return candidates.stream().filter(request.preferences()::admit).sorted(GREATEST_NEED_FIRST).limit(limit)
            .map(c -> new Match(request, c, reasons(c, request.preferences()))).toList();
    }

    /**
     * Serves {@code requests} in order; {@code candidatesByPurpose} are the children free for each purpose.
     * The result has one entry per request, empty when no free child fits.
     */
    public static List<Optional<Match>> match(List<Request> requests, Map<Pledge.Purpose, List<Candidate>>
            candidatesByPurpose) {
        Map<Pledge.Purpose, Pool> pools = new EnumMap<>(Pledge.Purpose.class);
        candidatesByPurpose.forEach((purpose, list) -> pools.put(purpose, new Pool(list)));
        List<Optional<Match>> out = new ArrayList<>(requests.size());
        for (Request r : requests) {
            Pool pool = pools.get(r.purpose());
            Candidate c = pool == null ? null : pool.take(r.preferences());
            out.add(c == null ? Optional.empty() : Optional.of(new Match(r, c, reasons(c, r.preferences()))));
        }
        return out;
    }

    /** The facts that placed her: need first, then the preferences she meets. */
    public static List<String> reasons(Candidate c, Preferences p) {
        List<String> reasons = new ArrayList<>();
        if (c.atRisk()) {
            reasons.add("AT_RISK");
        }
        reasons.add(c.motherLevel() == null ? "MOTHER_LEVEL_UNKNOWN" : "MOTHER_" + c.motherLevel());
        reasons.add(c.sponsoredForAnotherPurpose() ? "SPONSORED_FOR_ANOTHER_PURPOSE" : "NO_SPONSOR");
        if (p.minAge() != null || p.maxAge() != null) {
            reasons.add("AGE_PREFERENCE");
        }
        if (p.gender() != null) {
            reasons.add("GENDER_PREFERENCE");
        }
        if (p.districts() != null && !p.districts().isEmpty()) {
            reasons.add("DISTRICT_PREFERENCE");
        }
        return reasons;
    }

    /** The children free for one purpose, neediest first; a taken child is skipped from then on. */
    private static final class Pool {

        private final Candidate[] sorted;
        private final boolean[] taken;
        private int firstFree;

        Pool(List<Candidate> candidates) {
            sorted = candidates.toArray(new Candidate[0]);
            Arrays.sort(sorted, GREATEST_NEED_FIRST);
            taken = new boolean[sorted.length];
        }

        Candidate take(Preferences p) {
            while (firstFree < sorted.length && taken[firstFree]) {
                firstFree++;
            }
            for (int i = firstFree; i < sorted.length; i++) {
                if (!taken[i] && p.admit(sorted[i])) {
                    taken[i] = true;
                    return sorted[i];
                }
            }
            return null;
        }
    }
}
