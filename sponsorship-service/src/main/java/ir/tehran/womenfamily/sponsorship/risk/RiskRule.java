package ir.tehran.womenfamily.sponsorship.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ir.tehran.womenfamily.sponsorship.Subject;
import ir.tehran.womenfamily.sponsorship.school.Term;

/**
 * The explainable rule of the early warning (falling behind at school). On a child's latest report card,
 * compared with the one before it, each of these flags her, and each says why:
 * <ol>
 *   <li>the average of all subjects fell by more than {@code averageDrop} points;</li>
 *   <li>a core subject (by default mathematics, Persian literature, sciences) is below {@code passMark};</li>
 *   <li>absent days over school days exceed {@code maxAbsenceRate}.</li>
 * </ol>
 * Averages are rounded to two decimals (half up) before they are compared.
 */
public final class RiskRule {

    private final Thresholds thresholds;

    public RiskRule(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The configurable thresholds. */
    public record Thresholds(BigDecimal averageDrop, BigDecimal passMark, Set<Subject> coreSubjects,
            BigDecimal maxAbsenceRate) {
    }

    /** The reasons {@code latest} flags the child; empty when it does not. */
    public List<RiskReason> evaluate(Term latest, Optional<Term> previous) {
        List<RiskReason> reasons = new ArrayList<>();
        previous.ifPresent(p -> {
            BigDecimal drop = p.average().subtract(latest.average());
            if (drop.compareTo(thresholds.averageDrop()) > 0) {
                reasons.add(new RiskReason(RiskReason.Code.AVERAGE_DROP, null, latest.average(), p.average(),
                    thresholds.averageDrop()));
            }
        });
        latest.grades().entrySet().stream()
            .filter(e -> thresholds.coreSubjects().contains(e.getKey()))
            .filter(e -> e.getValue().compareTo(thresholds.passMark()) < 0)
            .sorted(Map.Entry.comparingByKey())
            .forEach(e -> reasons.add(new RiskReason(RiskReason.Code.CORE_SUBJECT_BELOW_PASS, e.getKey(),
                e.getValue(), null, thresholds.passMark())));
        if (latest.absenceRate().compareTo(thresholds.maxAbsenceRate()) > 0) {
            reasons.add(new RiskReason(RiskReason.Code.HIGH_ABSENCE, null, latest.absenceRate(), null,
                thresholds.maxAbsenceRate()));
        }
        return reasons;
    }
}
