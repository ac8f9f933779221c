package ir.tehran.womenfamily.sponsorship.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import ir.tehran.womenfamily.sponsorship.child.Gender;
import ir.tehran.womenfamily.sponsorship.mother.Mother;
import ir.tehran.womenfamily.sponsorship.pledge.Pledge;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** A child who is not at risk, of a self-reliant mother, unsponsored, in district 5, aged 10. */
    private static Matcher.Candidate child(String name) {
        return new Matcher.Candidate(UUID.nameUUIDFromBytes(name.getBytes()), 10, Gender.FEMALE, (short) 5, false,
            Mother.SupportLevel.SELF_RELIANT, false, T0);
    }

    private static Matcher.Candidate with(Matcher.Candidate c, boolean atRisk, Mother.SupportLevel level,
            boolean sponsored) {
        return new Matcher.Candidate(c.childId(), c.age(), c.gender(), c.district(), atRisk, level, sponsored,
            c.waitingSince());
    }

    private static Matcher.Request request(Pledge.Purpose purpose, Matcher.Preferences p) {
        return new Matcher.Request(UUID.randomUUID(), purpose, p);
    }

    @Test
    void greatestNeedComesFirstRiskThenTheMothersLevelThenNoSponsor() {
        Matcher.Candidate atRisk = with(child("risk"), true, Mother.SupportLevel.SELF_RELIANT, true);
        Matcher.Candidate counselling = with(child("counselling"), false, Mother.SupportLevel.COUNSELLING, true);
        Matcher.Candidate trainingUnsponsored = with(child("training-free"), false, Mother.SupportLevel.TRAINING,
            false);
        Matcher.Candidate trainingSponsored = with(child("training-sponsored"), false, Mother.SupportLevel.TRAINING,
            true);
        Matcher.Candidate unknown = with(child("unknown"), false, null, false);
        Matcher.Candidate selfReliant = with(child("self-reliant"), false, Mother.SupportLevel.SELF_RELIANT, false);
        List<Matcher.Candidate> all = List.of(selfReliant, unknown, trainingSponsored, trainingUnsponsored,
            counselling, atRisk);
        List<Matcher.Match> order = Matcher.suggest(request(Pledge.Purpose.EDUCATION, Matcher.Preferences.ANY), all,
            10);
        assertEquals(List.of(atRisk, counselling, trainingUnsponsored, trainingSponsored, unknown, selfReliant),
            order.stream().map(Matcher.Match::child).toList());
        assertEquals(List.of("AT_RISK", "MOTHER_SELF_RELIANT", "SPONSORED_FOR_ANOTHER_PURPOSE"),
            order.get(0).reasons());
    }

    @Test
    void amongEqualNeedTheLongestWaitingComesFirst() {
        Matcher.Candidate early = child("early");
        Matcher.Candidate late = new Matcher.Candidate(UUID.randomUUID(), 10, Gender.MALE, (short) 5, false,
            Mother.SupportLevel.SELF_RELIANT, false, T0.plusSeconds(60));
        List<Matcher.Match> order = Matcher.suggest(request(Pledge.Purpose.EDUCATION, Matcher.Preferences.ANY),
            List.of(late, early), 2);
        assertEquals(early, order.get(0).child());
    }

    @Test
    void preferencesNarrowTheChildrenAndNeedOrdersThoseLeft() {
        Matcher.Candidate needyBoy = new Matcher.Candidate(UUID.randomUUID(), 12, Gender.MALE, (short) 7, true,
            Mother.SupportLevel.COUNSELLING, false, T0);
        Matcher.Candidate girlIn7 = new Matcher.Candidate(UUID.randomUUID(), 12, Gender.FEMALE, (short) 7, false,
            Mother.SupportLevel.TRAINING, false, T0);
        Matcher.Candidate needierGirlIn7 = new Matcher.Candidate(UUID.randomUUID(), 13, Gender.FEMALE, (short) 7,
            false, Mother.SupportLevel.COUNSELLING, false, T0);
        Matcher.Candidate tooOld = new Matcher.Candidate(UUID.randomUUID(), 17, Gender.FEMALE, (short) 7, true,
            Mother.SupportLevel.COUNSELLING, false, T0);
        Matcher.Candidate elsewhere = new Matcher.Candidate(UUID.randomUUID(), 12, Gender.FEMALE, (short) 8, true,
            Mother.SupportLevel.COUNSELLING, false, T0);
        Matcher.Candidate unknownDistrict = new Matcher.Candidate(UUID.randomUUID(), 12, Gender.FEMALE, null, true,
            Mother.SupportLevel.COUNSELLING, false, T0);
        Matcher.Preferences p = new Matcher.Preferences(10, 14, Gender.FEMALE, Set.of(7));
        List<Matcher.Match> order = Matcher.suggest(request(Pledge.Purpose.EDUCATION, p),
            List.of(needyBoy, girlIn7, needierGirlIn7, tooOld, elsewhere, unknownDistrict), 10);
        assertEquals(List.of(needierGirlIn7, girlIn7), order.stream().map(Matcher.Match::child).toList());
        assertTrue(order.get(0).reasons().containsAll(List.of("AGE_PREFERENCE", "GENDER_PREFERENCE",
            "DISTRICT_PREFERENCE")));
    }

    @Test
    void aChildGoesToOneSponsorPerPurposeAndRequestsAreServedInOrder() {
        Matcher.Candidate a = with(child("a"), true, Mother.SupportLevel.COUNSELLING, false);
        Matcher.Candidate b = with(child("b"), false, Mother.SupportLevel.COUNSELLING, false);
        Matcher.Request first = request(Pledge.Purpose.EDUCATION, Matcher.Preferences.ANY);
        Matcher.Request second = request(Pledge.Purpose.EDUCATION, Matcher.Preferences.ANY);
        Matcher.Request third = request(Pledge.Purpose.EDUCATION, Matcher.Preferences.ANY);
        Matcher.Request fees = request(Pledge.Purpose.SCHOOL_FEES, Matcher.Preferences.ANY);
        List<Optional<Matcher.Match>> out = Matcher.match(List.of(first, second, third, fees), Map.of(
            Pledge.Purpose.EDUCATION, List.of(b, a), Pledge.Purpose.SCHOOL_FEES, List.of(a)));
        assertEquals(a, out.get(0).orElseThrow().child());
        assertEquals(b, out.get(1).orElseThrow().child());
        assertTrue(out.get(2).isEmpty(), "no child left for the third sponsor");
        assertEquals(a, out.get(3).orElseThrow().child(), "another purpose may have another sponsor");
    }

    @Test
    void aPickySponsorDoesNotTakeAChildFromThoseAfterHerUnlessSheFits() {
        Matcher.Candidate boy = new Matcher.Candidate(UUID.randomUUID(), 9, Gender.MALE, (short) 3, true,
            Mother.SupportLevel.COUNSELLING, false, T0);
        Matcher.Candidate girl = new Matcher.Candidate(UUID.randomUUID(), 9, Gender.FEMALE, (short) 3, false,
            Mother.SupportLevel.SELF_RELIANT, false, T0);
        Matcher.Request wantsGirl = request(Pledge.Purpose.COURSE, new Matcher.Preferences(null, null, Gender.FEMALE,
            Set.of()));
        Matcher.Request anyone = request(Pledge.Purpose.COURSE, Matcher.Preferences.ANY);
        List<Optional<Matcher.Match>> out = Matcher.match(List.of(wantsGirl, anyone),
            Map.of(Pledge.Purpose.COURSE, List.of(boy, girl)));
        assertEquals(girl, out.get(0).orElseThrow().child());
        assertEquals(boy, out.get(1).orElseThrow().child());
    }

    @Test
    void noChildIsEverGivenTwiceForAPurpose() {
        Random random = new Random(42);
        List<Matcher.Candidate> children = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            children.add(new Matcher.Candidate(UUID.randomUUID(), random.nextInt(20),
                random.nextBoolean() ? Gender.FEMALE : Gender.MALE, (short) (1 + random.nextInt(22)),
                random.nextInt(10) == 0, Mother.SupportLevel.values()[random.nextInt(4)], random.nextBoolean(),
                T0.plusSeconds(random.nextInt(100000))));
        }
        List<Matcher.Request> requests = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            int min = random.nextInt(15);
            requests.add(request(Pledge.Purpose.EDUCATION, new Matcher.Preferences(min, min + random.nextInt(6),
                random.nextInt(3) == 0 ? Gender.MALE : null, random.nextBoolean() ? Set.of() : new HashSet<>(List.of(
                    1 + random.nextInt(22), 1 + random.nextInt(22))))));
        }
        List<Optional<Matcher.Match>> out = Matcher.match(requests, Map.of(Pledge.Purpose.EDUCATION, children));
        Set<UUID> given = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).isPresent()) {
                Matcher.Match m = out.get(i).get();
                assertTrue(given.add(m.child().childId()), "given twice: " + m.child().childId());
                assertTrue(requests.get(i).preferences().admit(m.child()));
            }
        }
        assertTrue(given.size() > 500, "most requests find a child: " + given.size());
    }
}
