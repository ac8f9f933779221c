package ir.tehran.womenfamily.registry.work.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The matching rule alone: heads of household first, district and skill, load spread, determinism. */
class MatchingTest {

    private static final Instant T0 = Instant.parse("2024-09-22T06:00:00Z");

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    private static Matching.Seeker seeker(int n, boolean head, int district, int minutesAfter, String... interests) {
        return new Matching.Seeker(id(n), head, district, Set.of(interests), T0.plusSeconds(60L * minutesAfter));
    }

    private static Matching.Offer offer(int n, int free, Set<Integer> districts, String... skills) {
        return new Matching.Offer(id(1000 + n), Set.of(skills), districts, free);
    }

    @Test
    void headsOfHouseholdComeFirstWhenMentorsAreScarce() {
        // two places, four mentees; the two others enrolled first but are not heads of household
        List<Matching.Seeker> seekers = List.of(
            seeker(1, false, 5, 0, "pottery"),
            seeker(2, false, 5, 1, "pottery"),
            seeker(3, true, 5, 2, "pottery"),
            seeker(4, true, 5, 3, "pottery"));
        List<Matching.Pair> pairs = Matching.match(seekers, List.of(offer(1, 2, Set.of(5), "pottery")));
        assertEquals(List.of(id(3), id(4)), pairs.stream().map(Matching.Pair::menteeId).toList());
    }

    @Test
    void amongEqualsTheEarlierEnrolmentWins() {
        List<Matching.Pair> pairs = Matching.match(List.of(seeker(7, true, 3, 5), seeker(8, true, 3, 1)),
            List.of(offer(1, 1, Set.of(3), "candles")));
        assertEquals(List.of(new Matching.Pair(id(8), id(1001))), pairs);
    }

    @Test
    void aMentorMustWorkInHerDistrictAndShareAnInterest() {
        List<Matching.Seeker> seekers = List.of(
            seeker(1, true, 5, 0, "pottery"),
            seeker(2, true, 6, 0, "pottery"),
            seeker(3, true, 5, 0, "dolls"),
            seeker(4, true, 5, 0));
        List<Matching.Pair> pairs = Matching.match(seekers, List.of(offer(1, 10, Set.of(5), "pottery")));
        // district 6 is not hers; dolls is not her skill; no interest means any mentor of the district
        assertEquals(List.of(new Matching.Pair(id(1), id(1001)), new Matching.Pair(id(4), id(1001))), pairs);
    }

    @Test
    void theMentorSharingMostInterestsIsChosenThenTheOneWithMostRoom() {
        List<Matching.Offer> offers = List.of(
            offer(1, 5, Set.of(2), "needlework"),
            offer(2, 1, Set.of(2), "needlework", "macrame"),
            offer(3, 9, Set.of(2), "macrame"));
        List<Matching.Pair> pairs = Matching.match(List.of(
            seeker(1, true, 2, 0, "needlework", "macrame"),
            seeker(2, true, 2, 1, "needlework", "macrame"),
            seeker(3, false, 2, 2, "needlework")), offers);
        assertEquals(List.of(
            new Matching.Pair(id(1), id(1002)),   // shares both interests
            new Matching.Pair(id(2), id(1003)),   // 1002 is full; 1003 has more room than 1001
            new Matching.Pair(id(3), id(1001))), pairs);
    }

    @Test
    void noMentorTakesMoreThanHerFreePlaces() {
        List<Matching.Seeker> seekers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seekers.add(seeker(i, i % 3 == 0, 9, i));
        }
        List<Matching.Pair> pairs = Matching.match(seekers, List.of(offer(1, 4, Set.of(9)), offer(2, 3, Set.of(9))));
        assertEquals(7, pairs.size());
        assertEquals(4, pairs.stream().filter(p -> p.mentorId().equals(id(1001))).count());
        // the seven served are the ten heads of household's first seven
        assertEquals(List.of(0, 3, 6, 9, 12, 15, 18), pairs.stream()
            .map(p -> (int) p.menteeId().getLeastSignificantBits()).toList());
    }

    @Test
    void theInputOrderDoesNotChangeTheResult() {
        List<Matching.Seeker> seekers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            seekers.add(seeker(i, i % 4 == 1, 1 + i % 3, i % 7, i % 2 == 0 ? "pottery" : "candles"));
        }
        List<Matching.Offer> offers = new ArrayList<>(List.of(offer(1, 3, Set.of(1, 2), "pottery"),
            offer(2, 2, Set.of(2, 3), "candles", "pottery"), offer(3, 4, Set.of(1, 3), "candles")));
        List<Matching.Pair> expected = Matching.match(seekers, offers);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<Matching.Seeker> s = new ArrayList<>(seekers);
            List<Matching.Offer> o = new ArrayList<>(offers);
            Collections.shuffle(s, random);
            Collections.shuffle(o, random);
            assertEquals(expected, Matching.match(s, o));
        }
    }
}
