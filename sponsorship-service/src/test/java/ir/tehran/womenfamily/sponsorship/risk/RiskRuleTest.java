package ir.tehran.womenfamily.sponsorship.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ir.tehran.womenfamily.sponsorship.Subject;
import ir.tehran.womenfamily.sponsorship.school.Term;
import org.junit.jupiter.api.Test;

/** The explainable at-risk rule, each test alone and at its threshold. */
class RiskRuleTest {

    private static final RiskRule DEFAULT = new RiskRule(new RiskRule.Thresholds(new BigDecimal("2.0"),
        BigDecimal.TEN, Set.of(Subject.MATHEMATICS, Subject.PERSIAN_LITERATURE, Subject.SCIENCES),
        new BigDecimal("0.15")));

    /** A term whose grades are given in pairs: subject, score. */
    private static Term term(int schoolDays, int absentDays, Object... grades) {
        Map<Subject, BigDecimal> g = new EnumMap<>(Subject.class);
        for (int i = 0; i < grades.length; i += 2) {
            g.put((Subject) grades[i], new BigDecimal(grades[i + 1].toString()));
        }
        return new Term(1403, 1, g, schoolDays, absentDays);
    }

    private static List<RiskReason.Code> codes(List<RiskReason> reasons) {
        return reasons.stream().map(RiskReason::code).toList();
    }

    @Test
    void aSteadyGoodTermIsNotAtRisk() {
        Term previous = term(90, 2, Subject.MATHEMATICS, 17, Subject.ENGLISH, 18);
        Term latest = term(90, 3, Subject.MATHEMATICS, 16, Subject.ENGLISH, 17);
        assertTrue(DEFAULT.evaluate(latest, Optional.of(previous)).isEmpty());
    }

    @Test
    void aDropOfTheAverageBeyondTheThresholdFlagsHerWithBothAverages() {
        Term previous = term(90, 0, Subject.MATHEMATICS, 18, Subject.ENGLISH, 18);
        Term latest = term(90, 0, Subject.MATHEMATICS, 15.5, Subject.ENGLISH, 16.25);
        List<RiskReason> reasons = DEFAULT.evaluate(latest, Optional.of(previous));
        assertEquals(List.of(RiskReason.Code.AVERAGE_DROP), codes(reasons));
        RiskReason r = reasons.get(0);
        assertEquals(new BigDecimal("18.00"), r.previous());
        assertEquals(new BigDecimal("15.88"), r.value(), "15.875 rounds half up");
        assertEquals(new BigDecimal("2.0"), r.threshold());
    }

    @Test
    void aDropOfExactlyTheThresholdIsNotBeyondIt() {
        Term previous = term(90, 0, Subject.MATHEMATICS, 18);
        Term latest = term(90, 0, Subject.MATHEMATICS, 16);
        assertTrue(DEFAULT.evaluate(latest, Optional.of(previous)).isEmpty());
    }

    @Test
    void withoutAPreviousTermOnlyTheTermItselfCounts() {
        Term latest = term(90, 0, Subject.MATHEMATICS, 11);
        assertTrue(DEFAULT.evaluate(latest, Optional.empty()).isEmpty());
    }

    @Test
    void aCoreSubjectBelowThePassMarkFlagsHerNamingTheSubject() {
        Term latest = term(90, 0, Subject.MATHEMATICS, 9.75, Subject.ARTS, 5, Subject.SCIENCES, 10);
        List<RiskReason> reasons = DEFAULT.evaluate(latest, Optional.empty());
        assertEquals(List.of(RiskReason.Code.CORE_SUBJECT_BELOW_PASS), codes(reasons),
            "arts is not a core subject, and exactly 10 passes");
        assertEquals(Subject.MATHEMATICS, reasons.get(0).subject());
        assertEquals(new BigDecimal("9.75"), reasons.get(0).value());
    }

    @Test
    void tooManyAbsencesFlagHer() {
        assertTrue(DEFAULT.evaluate(term(100, 15, Subject.ENGLISH, 19), Optional.empty()).isEmpty(),
            "15% is not above 15%");
        List<RiskReason> reasons = DEFAULT.evaluate(term(100, 16, Subject.ENGLISH, 19), Optional.empty());
        assertEquals(List.of(RiskReason.Code.HIGH_ABSENCE), codes(reasons));
        assertEquals(new BigDecimal("0.1600"), reasons.get(0).value());
    }

    @Test
    void everyReasonIsGivenWhenSeveralHold() {
        Term previous = term(90, 0, Subject.MATHEMATICS, 16, Subject.PERSIAN_LITERATURE, 16);
        Term latest = term(90, 30, Subject.MATHEMATICS, 8, Subject.PERSIAN_LITERATURE, 9);
        assertEquals(List.of(RiskReason.Code.AVERAGE_DROP, RiskReason.Code.CORE_SUBJECT_BELOW_PASS,
            RiskReason.Code.CORE_SUBJECT_BELOW_PASS, RiskReason.Code.HIGH_ABSENCE),
            codes(DEFAULT.evaluate(latest, Optional.of(previous))));
    }

    @Test
    void theThresholdsAreConfiguration() {
        RiskRule strict = new RiskRule(new RiskRule.Thresholds(new BigDecimal("0.5"), new BigDecimal("12"),
            Set.of(Subject.ENGLISH), new BigDecimal("0.05")));
        Term previous = term(100, 0, Subject.ENGLISH, 12.5);
        Term latest = term(100, 6, Subject.ENGLISH, 11);
        assertTrue(DEFAULT.evaluate(latest, Optional.of(previous)).isEmpty());
        assertEquals(List.of(RiskReason.Code.AVERAGE_DROP, RiskReason.Code.CORE_SUBJECT_BELOW_PASS,
            RiskReason.Code.HIGH_ABSENCE), codes(strict.evaluate(latest, Optional.of(previous))));
    }
}
