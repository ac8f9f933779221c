package ir.tehran.womenfamily.registry.work.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Matches waiting mentees to mentors with free places, deterministically. Mentees are served in order
 * of priority: women heads of household first (the campaign's rule when mentors are scarce), then by
 * enrolment time, then by id. Each takes the best mentor still free who works in her district and
 * shares one of her interests (any mentor of her district when she named none): the most shared
 * interests, then the most free places (spreading the load), then the smallest id. The same inputs
 * always give the same pairs.
 */
public final class Matching {

    private Matching() {
    }

    /** A waiting mentee. */
    public record Seeker(UUID menteeId, boolean headsHousehold, int district, Set<String> interests,
            Instant enrolledAt) {
    }

    /** A mentor and how many more mentees she can take. */
    public record Offer(UUID mentorId, Set<String> skills, Set<Integer> districts, int free) {
    }

    /** One pair made. */
    public record Pair(UUID menteeId, UUID mentorId) {
    }

    /** The order in which mentees are served. */
    public static final Comparator<Seeker> PRIORITY = Comparator.comparing((Seeker s) -> !s.headsHousehold())
        .thenComparing(Seeker::enrolledAt).thenComparing(Seeker::menteeId);

    public static List<Pair> match(List<Seeker> seekers, List<Offer> offers) {
        Map<UUID, Integer> free = new HashMap<>();
        offers.forEach(o -> free.put(o.mentorId(), o.free()));
        List<Pair> pairs = new ArrayList<>();
        for (Seeker s : seekers.stream().sorted(PRIORITY).toList()) {
            Offer best = null;
            long bestShared = -1;
            for (Offer o : offers) {
                if (free.get(o.mentorId()) <= 0 || !o.districts().contains(s.district())) {
                    continue;
                }
                long shared = s.interests().stream().filter(o.skills()::contains).count();
                if (!s.interests().isEmpty() && shared == 0) {
                    continue;
                }
                if (best == null || better(shared, free.get(o.mentorId()), o.mentorId(), bestShared,
                    free.get(best.mentorId()), best.mentorId())) {
                    best = o;
                    bestShared = shared;
                }
            }
            if (best != null) {
                free.merge(best.mentorId(), -1, Integer::sum);
                pairs.add(new Pair(s.menteeId(), best.mentorId()));
            }
        }
        return pairs;
    }

    private static boolean better(long shared, int free, UUID id, long bestShared, int bestFree, UUID bestId) {
        if (shared != bestShared) {
            return shared > bestShared;
        }
        if (free != bestFree) {
            return free > bestFree;
        }
        return id.compareTo(bestId) < 0;
    }
}
